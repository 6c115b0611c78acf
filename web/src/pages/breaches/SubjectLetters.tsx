import { Alert, Button, Card, Group, Modal, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  breachesApi,
  breachKeys,
  NOTIFICATION_PHASES,
  type TIncident,
  type TSubjectLetterPreview,
} from '../../api/breaches.ts';
import { ApiError, isApiError } from '../../api/http.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import {
  type LetterRecipient,
  parseRecipients,
  recipientLine,
  type SubjectLetterValues,
  subjectLettersBody,
  subjectLetterValues,
} from './breach-forms.ts';

/** "Brief aan de betrokkenen" (Art. 34(2)): written from the incident, previewed in both languages, then sent. */
export function SubjectLettersCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const canWrite = useCan('editor');
  const notifySubjects = incident.decisionDetail?.notifySubjects;
  const hint = notifySubjects === true ? 'decidedYes' : notifySubjects === false ? 'decidedNo' : ('undecided' as const);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="incident-subject-letters">
      <Title order={2} size="h4" mb="xs" id="incident-subject-letters">
        {t('breaches.letters.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('breaches.letters.text')}</Text>
        <Text size="sm" c="dimmed">
          {t(`breaches.letters.hints.${hint}`)}
        </Text>
        {incident.status === 'closed' ? (
          <Alert color="gray">{t('breaches.letters.closed')}</Alert>
        ) : (
          canWrite && <SubjectLetterForm key={incident.id} incident={incident} />
        )}
      </Stack>
    </Card>
  );
}

/** A failed send's field problems: those about an address go to the recipients with their line, the rest to the form. */
function placeProblems(
  form: UseFormReturnType<SubjectLetterValues>,
  error: unknown,
  lines: readonly number[],
  lineText: (line: number, message: string) => string,
): string | null {
  if (!isApiError(error)) return applyProblem(form, error);
  const aboutAddresses: string[] = [];
  const rest: typeof error.fieldErrors = [];
  for (const field of error.fieldErrors) {
    const line = recipientLine(field.path, lines);
    if (line !== null) aboutAddresses.push(lineText(line, field.message));
    else if (field.path === 'recipients') aboutAddresses.push(field.message);
    else rest.push(field);
  }
  if (aboutAddresses.length === 0) return applyProblem(form, error);
  const { status, code, detail, correlationId } = error;
  const formError =
    rest.length > 0
      ? applyProblem(form, new ApiError({ status, code, detail, correlationId, fieldErrors: rest }))
      : null;
  // After applyProblem, which replaces the form's errors.
  form.setFieldError('recipients', aboutAddresses.join(' '));
  return formError;
}

function SubjectLetterForm({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const canSend = useCan('privacy_officer');
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<TSubjectLetterPreview | null>(null);
  const [toSend, setToSend] = useState<{ recipients: LetterRecipient[]; lines: number[] } | null>(null);
  const [sentCount, setSentCount] = useState<number | null>(null);
  const required = (value: string) => (value.trim() ? null : t('validation.required'));
  const form = useForm<SubjectLetterValues>({
    initialValues: subjectLetterValues(incident),
    validate: { whatHappened: required, consequences: required, measures: required },
  });
  useIncidentTextFollowed(form, incident);

  const previewLetters = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: SubjectLetterValues) => {
      const { recipients: _recipients, phase: _phase, ...content } = subjectLettersBody(values, []);
      return breachesApi.previewLetters(org.slug, incident.id, content);
    },
    onSuccess: setPreview,
    onError: (error) => setFormError(applyProblem(form, error)),
  });
  const send = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (input: { values: SubjectLetterValues; recipients: LetterRecipient[]; lines: number[] }) =>
      breachesApi.sendLetters(org.slug, incident.id, subjectLettersBody(input.values, input.recipients)),
    onSuccess: (answer) => {
      setToSend(null);
      setSentCount(answer.queued);
      form.setFieldValue('recipients', '');
      void queryClient.invalidateQueries({ queryKey: breachKeys.one(org.slug, incident.id) });
      void queryClient.invalidateQueries({ queryKey: breachKeys.list(org.slug) });
    },
    onError: (error, input) => {
      setToSend(null);
      setFormError(
        placeProblems(form, error, input.lines, (line, message) => t('breaches.letters.lineError', { line, message })),
      );
    },
  });

  const askToSend = () => {
    setFormError(null);
    setSentCount(null);
    if (form.validate().hasErrors) return;
    const parsed = parseRecipients(form.getValues().recipients);
    if (parsed.invalidLines.length > 0)
      form.setFieldError(
        'recipients',
        t('breaches.letters.invalidLines', {
          count: parsed.invalidLines.length,
          lines: parsed.invalidLines.join(', '),
        }),
      );
    else if (parsed.recipients.length === 0) form.setFieldError('recipients', t('breaches.letters.noRecipients'));
    else setToSend({ recipients: parsed.recipients, lines: parsed.lines });
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        previewLetters.mutate(values);
      })}
    >
      <Stack gap="sm">
        <LetterFields form={form} />
        <FormAlert message={formError} />
        {sentCount !== null && (
          <Alert color="green" role="status">
            {t('breaches.letters.sent', { count: sentCount })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={previewLetters.isPending}>
            {t('breaches.letters.preview')}
          </Button>
          {canSend && (
            <Button onClick={askToSend} loading={send.isPending}>
              {t('breaches.letters.send')}
            </Button>
          )}
        </Group>
        {!canSend && (
          <Text size="xs" c="dimmed">
            {t('breaches.letters.onlyOfficers')}
          </Text>
        )}
        {preview && <LetterPreview preview={preview} />}
      </Stack>
      <Modal
        opened={toSend !== null}
        onClose={() => setToSend(null)}
        title={t('breaches.letters.confirmTitle')}
        centered
      >
        <Stack>
          <Text>{t('breaches.letters.confirmQuestion', { count: toSend?.recipients.length ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToSend(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={send.isPending}
              onClick={() => toSend && send.mutate({ values: form.getValues(), ...toSend })}
            >
              {t('breaches.letters.confirmSend', { count: toSend?.recipients.length ?? 0 })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

const PREFILLED = ['whatHappened', 'consequences', 'measures'] as const;

/** When the incident's texts change (an edit), the letter follows them in the parts the person has not rewritten. */
function useIncidentTextFollowed(form: UseFormReturnType<SubjectLetterValues>, incident: TIncident) {
  const { description, consequences, measuresTaken } = incident;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form object is stable; only the texts matter
  useEffect(() => {
    const prefill = { whatHappened: description, consequences, measures: measuresTaken };
    const untouched = PREFILLED.filter((key) => !form.isDirty(key));
    form.setInitialValues({ ...form.getInitialValues(), ...prefill });
    for (const key of untouched) form.setFieldValue(key, prefill[key]);
  }, [description, consequences, measuresTaken]);
}

function LetterFields({ form }: { form: UseFormReturnType<SubjectLetterValues> }) {
  const { t } = useTranslation();
  const text = { autosize: true, minRows: 2, maxLength: 5000 } as const;
  return (
    <>
      <Textarea label={t('breaches.letters.whatHappened')} required {...text} {...form.getInputProps('whatHappened')} />
      <Textarea label={t('breaches.letters.consequences')} required {...text} {...form.getInputProps('consequences')} />
      <Textarea label={t('breaches.letters.measures')} required {...text} {...form.getInputProps('measures')} />
      <Textarea
        label={t('breaches.letters.advice')}
        description={t('breaches.letters.adviceHint')}
        {...text}
        {...form.getInputProps('advice')}
      />
      <Textarea
        label={t('breaches.letters.contact')}
        description={t('breaches.letters.contactHint')}
        {...text}
        {...form.getInputProps('contact')}
      />
      <Select
        label={t('breaches.notifications.phase')}
        data={NOTIFICATION_PHASES.map((value) => ({ value, label: t(`breaches.notifications.phases.${value}`) }))}
        allowDeselect={false}
        {...form.getInputProps('phase')}
      />
      <Textarea
        label={t('breaches.letters.recipients')}
        description={t('breaches.letters.recipientsHint')}
        autosize
        minRows={3}
        maxRows={12}
        spellCheck={false}
        {...form.getInputProps('recipients')}
      />
    </>
  );
}

function LetterPreview({ preview }: { preview: TSubjectLetterPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="region" aria-label={t('breaches.letters.previewTitle')}>
      <Title order={3} size="h5">
        {t('breaches.letters.previewTitle')}
      </Title>
      {preview.letters.map((letter) => (
        <Paper
          key={letter.locale}
          withBorder
          p="sm"
          role="article"
          aria-label={t(`breaches.letters.languages.${letter.locale}`)}
        >
          <Text size="xs" c="dimmed">
            {t(`breaches.letters.languages.${letter.locale}`)}
          </Text>
          <Text size="sm" fw={600} mb={4}>
            {letter.subject}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {letter.text}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
