import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi, roleAtLeast } from '../../api/organisations.ts';
import { IDENTITY_METHODS, REQUEST_OUTCOMES, requestKeys, requestsApi, type TRequest } from '../../api/requests.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { useCurrentUser } from '../../app/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { amsterdamToday, canExtend } from './request-format.ts';

type Values = Record<string, string>;

/** One action on a request: a small form whose answer is the request as it is now. */
function ActionForm({
  title,
  hint,
  initial,
  submitLabel,
  send,
  children,
}: {
  title: string;
  hint?: string;
  initial: Values;
  submitLabel: string;
  send: (values: Values) => Promise<TRequest>;
  children: (form: ReturnType<typeof useForm<Values>>) => ReactNode;
}) {
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: initial });
  const act = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: send,
    onSuccess: (request) => {
      queryClient.setQueryData(requestKeys.one(org.slug, request.id), request);
      void queryClient.invalidateQueries({ queryKey: [...requestKeys.all(org.slug), 'list'] });
      form.reset();
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          act.mutate(values);
        })}
      >
        <Stack gap="xs">
          <Title order={3} size="h5">
            {title}
          </Title>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
          <FormAlert message={formError} />
          {children(form)}
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={act.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const noteIfAny = (note: string | undefined) => (note?.trim() ? { note } : {});

/** The desk's actions on one request: assign, identity, extension, note, close. */
export function RequestActions({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const user = useCurrentUser();
  const members = useQuery({
    queryKey: queryKeys.members(org.slug),
    queryFn: () => organisationsApi.members(org.slug),
  });
  const officers = (members.data ?? []).filter((member) => roleAtLeast(member.role, 'privacy_officer'));
  const isOpen = request.status !== 'closed';
  const options = (keys: readonly string[], prefix: string) =>
    keys.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const api = (fn: (ref: string, id: string) => Promise<TRequest>) => fn(org.slug, request.id);

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('requests.actions.title')}
      </Title>
      {isOpen && (
        <ActionForm
          title={t('requests.actions.assign')}
          initial={{ userId: request.assignee?.id ?? '' }}
          submitLabel={t('requests.actions.assign')}
          send={(values) => api((ref, id) => requestsApi.assign(ref, id, { userId: values.userId || null }))}
        >
          {(form) => (
            <Group align="flex-end" gap="xs">
              <Select
                style={{ flex: 1 }}
                label={t('requests.fields.assignee')}
                data={[
                  { value: '', label: t('requests.desk.nobody') },
                  ...officers.map((member) => ({ value: member.userId, label: member.name })),
                ]}
                allowDeselect={false}
                {...form.getInputProps('userId')}
              />
              {request.assignee?.id !== user.id && officers.some((member) => member.userId === user.id) && (
                <Button variant="light" size="sm" onClick={() => form.setFieldValue('userId', user.id)}>
                  {t('requests.actions.assignToMe')}
                </Button>
              )}
            </Group>
          )}
        </ActionForm>
      )}
      {isOpen && request.requester?.email && !request.identity && (
        <ActionForm
          title={t('requests.actions.askIdentity')}
          hint={t('requests.actions.askIdentityHint')}
          initial={{ message: '' }}
          submitLabel={t('requests.actions.askIdentitySubmit')}
          send={(values) => api((ref, id) => requestsApi.askIdentity(ref, id, values.message ?? ''))}
        >
          {(form) => (
            <Textarea
              label={t('requests.fields.askIdentityMessage')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('message')}
            />
          )}
        </ActionForm>
      )}
      {isOpen && (
        <ActionForm
          title={t('requests.actions.verify')}
          initial={{ method: request.identity?.method ?? 'email_confirmed', note: '' }}
          submitLabel={t('requests.actions.verify')}
          send={(values) =>
            api((ref, id) =>
              requestsApi.verifyIdentity(ref, id, {
                method: values.method as (typeof IDENTITY_METHODS)[number],
                ...noteIfAny(values.note),
              }),
            )
          }
        >
          {(form) => (
            <>
              <Select
                label={t('requests.fields.method')}
                data={options(IDENTITY_METHODS, 'requests.identityMethods')}
                allowDeselect={false}
                {...form.getInputProps('method')}
              />
              <Textarea label={t('requests.fields.note')} autosize minRows={1} {...form.getInputProps('note')} />
            </>
          )}
        </ActionForm>
      )}
      {isOpen &&
        (canExtend(request, amsterdamToday()) ? (
          <ActionForm
            title={t('requests.actions.extend')}
            hint={t('requests.actions.extendHint')}
            initial={{ reason: '' }}
            submitLabel={t('requests.actions.extend')}
            send={(values) => api((ref, id) => requestsApi.extend(ref, id, { reason: values.reason ?? '' }))}
          >
            {(form) => (
              <Textarea
                label={t('requests.fields.reason')}
                required
                autosize
                minRows={2}
                {...form.getInputProps('reason')}
              />
            )}
          </ActionForm>
        ) : (
          !request.deadline.isExtended && (
            <Text size="sm" c="dimmed">
              {t('requests.actions.extendNotAllowed')}
            </Text>
          )
        ))}
      {isOpen ? (
        <ActionForm
          title={t('requests.actions.note')}
          initial={{ text: '' }}
          submitLabel={t('requests.actions.note')}
          send={(values) => api((ref, id) => requestsApi.addNote(ref, id, { text: values.text ?? '' }))}
        >
          {(form) => (
            <Textarea label={t('requests.fields.note')} required autosize minRows={2} {...form.getInputProps('text')} />
          )}
        </ActionForm>
      ) : (
        <Text size="sm" c="dimmed">
          {t('requests.actions.closedNoChanges')}
        </Text>
      )}
      {isOpen && (
        <ActionForm
          title={t('requests.actions.close')}
          hint={t('requests.actions.closeHint')}
          initial={{ outcome: 'completed', note: '' }}
          submitLabel={t('requests.actions.close')}
          send={(values) =>
            api((ref, id) =>
              requestsApi.close(ref, id, {
                outcome: values.outcome as (typeof REQUEST_OUTCOMES)[number],
                ...noteIfAny(values.note),
              }),
            )
          }
        >
          {(form) => (
            <>
              <Select
                label={t('requests.fields.outcome')}
                data={options(REQUEST_OUTCOMES, 'requests.outcomes')}
                allowDeselect={false}
                {...form.getInputProps('outcome')}
              />
              <Textarea label={t('requests.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
            </>
          )}
        </ActionForm>
      )}
    </Stack>
  );
}
