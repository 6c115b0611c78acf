import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  MANUAL_CHANNELS,
  REQUEST_RIGHTS,
  requestKeys,
  requestsApi,
  type TCreateRequestInput,
} from '../../api/requests.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { currentLocale, LOCALES, type Locale } from '../../i18n/index.ts';
import { amsterdamToday } from './request-format.ts';

interface FormValues {
  right: string;
  channel: string;
  receivedAt: string;
  requester: { name: string; email: string; phone: string; postalAddress: string };
  description: string;
  locale: Locale;
}

const optional = (value: string) => (value.trim() ? value : undefined);

/** What the form sends: empty optional fields left out, so the server only checks what was typed. */
export function createRequestBody(values: FormValues): TCreateRequestInput {
  const { name, email, phone, postalAddress } = values.requester;
  return {
    right: values.right as TCreateRequestInput['right'],
    channel: values.channel as TCreateRequestInput['channel'],
    receivedAt: values.receivedAt,
    requester: {
      name,
      ...(optional(email) ? { email } : {}),
      ...(optional(phone) ? { phone } : {}),
      ...(optional(postalAddress) ? { postalAddress } : {}),
    },
    ...(optional(values.description) ? { description: values.description } : {}),
    locale: values.locale,
  };
}

/** "Verzoek invoeren": a request that came by e-mail, letter, phone or in person; opens its page once saved. */
export function CreateRequestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    initialValues: {
      right: 'access',
      channel: 'letter',
      receivedAt: amsterdamToday(),
      requester: { name: '', email: '', phone: '', postalAddress: '' },
      description: '',
      locale: currentLocale(),
    },
  });
  const create = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: FormValues) => requestsApi.create(org.slug, createRequestBody(values)),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.all(org.slug) });
      form.reset();
      onClose();
      void navigate(`/o/${org.slug}/requests/${created.id}`);
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });
  const options = (keys: readonly string[], prefix: string) =>
    keys.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.create.title')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          create.mutate(values);
        })}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('requests.create.intro')}
          </Text>
          <FormAlert message={formError} />
          <Select
            label={t('requests.fields.rightDesk')}
            data={options(REQUEST_RIGHTS, 'requests.rights')}
            allowDeselect={false}
            {...form.getInputProps('right')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('requests.fields.channel')}
              data={options(MANUAL_CHANNELS, 'requests.channels')}
              allowDeselect={false}
              {...form.getInputProps('channel')}
            />
            <TextInput
              label={t('requests.fields.receivedAt')}
              type="date"
              max={amsterdamToday()}
              required
              {...form.getInputProps('receivedAt')}
            />
          </Group>
          <Title order={3} size="h5" mt="xs">
            {t('requests.create.requester')}
          </Title>
          <TextInput label={t('requests.fields.name')} required {...form.getInputProps('requester.name')} />
          <Group grow align="flex-start">
            <TextInput label={t('requests.fields.email')} type="email" {...form.getInputProps('requester.email')} />
            <TextInput label={t('requests.fields.phoneDesk')} type="tel" {...form.getInputProps('requester.phone')} />
          </Group>
          <Textarea
            label={t('requests.fields.postalAddress')}
            autosize
            minRows={2}
            {...form.getInputProps('requester.postalAddress')}
          />
          <Textarea
            label={t('requests.fields.descriptionDesk')}
            autosize
            minRows={3}
            maxLength={5000}
            {...form.getInputProps('description')}
          />
          <Select
            label={t('requests.fields.locale')}
            data={options(LOCALES, 'requests.locales')}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('requests.actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('requests.create.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
