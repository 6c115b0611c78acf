import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activitiesApi, type TScopeQuestion } from '../../../api/activities.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { countryName } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay } from '../shared/dates.ts';

/**
 * The adequacy decisions for Canada, Israel and South Korea cover only part of the country's recipients: the
 * organisation answers once per country whether its recipients fall inside. Until then those transfers are a warning.
 */
export function ScopeQuestions({ questions }: { questions: TScopeQuestion[] }) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('register.transfers.scope.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('register.transfers.scope.description')}
      </Text>
      {questions.map((question) => (
        <ScopeQuestionCard key={question.country} question={question} />
      ))}
    </Stack>
  );
}

function ScopeQuestionCard({ question }: { question: TScopeQuestion }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(question.answer?.note ?? '');
  const answer = useMutation({
    mutationFn: (isWithinScope: boolean) =>
      activitiesApi.answerScopeQuestion(org.slug, question.country, { isWithinScope, note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) }),
  });
  const country = countryName(question.country, locale);
  const current = question.answer;
  return (
    <Paper
      component="section"
      withBorder
      p="sm"
      radius="sm"
      aria-label={t('register.transfers.scope.question', { country })}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <IconScale size={18} />
          <Text fw={600}>{t('register.transfers.scope.question', { country })}</Text>
        </Group>
        <Text size="sm">{question.scope[locale]}</Text>
        {current ? (
          <Alert color={current.isWithinScope ? 'teal' : 'orange'} variant="light">
            {t(
              current.isWithinScope
                ? 'register.transfers.scope.answeredWithin'
                : 'register.transfers.scope.answeredOutside',
              {
                date: formatDay(current.answeredAt.slice(0, 10), locale),
              },
            )}
          </Alert>
        ) : (
          <Alert color="yellow" variant="light">
            {t('register.transfers.scope.unanswered')}
          </Alert>
        )}
        <TextInput
          label={t('register.transfers.scope.note')}
          description={t('register.transfers.scope.noteHelp')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group>
          <Button size="xs" loading={answer.isPending} onClick={() => answer.mutate(true)}>
            {t('register.transfers.scope.within')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="orange"
            loading={answer.isPending}
            onClick={() => answer.mutate(false)}
          >
            {t('register.transfers.scope.outside')}
          </Button>
        </Group>
        {answer.error && (
          <Text size="sm" c="red" role="alert">
            {answer.error.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
