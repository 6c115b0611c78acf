import { Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retentionApi, retentionKeys, type TCoverage, type TEnforcement } from '../../api/retention.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDay } from '../register/shared/dates.ts';
import { DateField } from '../register/shared/fields.tsx';
import { ModalForm } from '../register/shared/ModalForm.tsx';
import { useMemberOptions } from '../register/shared/options.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { Tag } from '../register/shared/Tag.tsx';

/** Enforced by a policy (green), by hand with an owner and review date (red when overdue), or not at all. */
export function EnforcementTag({ enforcement }: { enforcement: TEnforcement }) {
  const { t } = useTranslation();
  const members = useMemberOptions();
  if (enforcement.kind === 'enforced') return <Tag color="teal">{t('retention.coverage.enforced')}</Tag>;
  if (enforcement.kind === 'none') return <Tag color="gray">{t('retention.coverage.none')}</Tag>;
  const owner = members.find((member) => member.value === enforcement.ownerUserId)?.label ?? '—';
  return (
    <Stack gap={2}>
      <Tag color={enforcement.isReviewOverdue ? 'red' : 'blue'}>{t('retention.coverage.manual')}</Tag>
      <Text size="xs" c={enforcement.isReviewOverdue ? 'red' : 'dimmed'}>
        {t(enforcement.isReviewOverdue ? 'retention.coverage.reviewOverdue' : 'retention.coverage.reviewOn', {
          owner,
          date: formatDay(enforcement.reviewDate, currentLocale()),
        })}
      </Text>
    </Stack>
  );
}

function backupsText(
  t: (key: string, params?: Record<string, unknown>) => string,
  system: TCoverage['systems'][number],
) {
  if (system.backups.length === 0) return t('retention.coverage.noBackups');
  if (system.backupsCleanWithinDays === null) return t('retention.coverage.backupsUnknown');
  return t('retention.coverage.backupsClean', { count: system.backupsCleanWithinDays });
}

interface Subject {
  kind: 'activity' | 'system';
  id: string;
  name: string;
}

/** Retention done by hand: who does it, and when it is checked next. */
function ManualHandlingModal({ subject, onClose }: { subject: Subject; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const members = useMemberOptions();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { ownerUserId: null as string | null, reviewDate: '' } });
  const save = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: { ownerUserId: string | null; reviewDate: string }) =>
      retentionApi.setManualHandling(org.slug, {
        subject: { kind: subject.kind, id: subject.id },
        ownerUserId: values.ownerUserId ?? '',
        reviewDate: values.reviewDate,
      }),
    onSuccess: (coverage) => {
      queryClient.setQueryData(retentionKeys.coverage(org.slug), coverage);
      onClose();
    },
    onError: (error) => setProblem(applyProblem(form, error)),
  });
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('retention.coverage.manualTitle', { name: subject.name })}
      error={problem}
      isPending={save.isPending}
      submitLabel={t('common.save')}
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        save.mutate(values);
      })}
    >
      <Select label={t('retention.fields.owner')} withAsterisk data={members} {...form.getInputProps('ownerUserId')} />
      <DateField label={t('retention.coverage.reviewDate')} withAsterisk {...form.getInputProps('reviewDate')} />
    </ModalForm>
  );
}

function Arrangement({ subject, enforcement }: { subject: Subject; enforcement: TEnforcement }) {
  const { t } = useTranslation();
  const canEdit = useCan('editor');
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Group gap="xs" align="flex-start">
      <EnforcementTag enforcement={enforcement} />
      {canEdit && enforcement.kind !== 'enforced' && (
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={t('retention.coverage.manualTitle', { name: subject.name })}
          onClick={() => setIsOpen(true)}
        >
          {t('retention.coverage.setManual')}
        </Button>
      )}
      {isOpen && <ManualHandlingModal subject={subject} onClose={() => setIsOpen(false)} />}
    </Group>
  );
}

/** "The register says 12 months: is it done?", per activity and per system. */
export function CoverageSection() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const coverage = useQuery({
    queryKey: retentionKeys.coverage(org.slug),
    queryFn: () => retentionApi.coverage(org.slug),
  });
  return (
    <Card withBorder component="section" aria-labelledby="coverage-title">
      <Stack>
        <Title order={2} size="h4" id="coverage-title">
          {t('retention.coverage.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('retention.coverage.description')}
        </Text>
        <QueryState isPending={coverage.isPending} error={coverage.error} />
        {coverage.data && coverage.data.activities.length === 0 && coverage.data.systems.length === 0 && (
          <Text size="sm">{t('retention.coverage.empty')}</Text>
        )}
        {coverage.data && coverage.data.activities.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" aria-label={t('retention.coverage.activities')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.fields.activity')}</Table.Th>
                  <Table.Th>{t('retention.coverage.state')}</Table.Th>
                  <Table.Th>{t('retention.coverage.systemsWithoutPolicy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {coverage.data.activities.map((row) => (
                  <Table.Tr key={row.activity.id}>
                    <Table.Td>{row.activity.name}</Table.Td>
                    <Table.Td>
                      <Arrangement subject={{ kind: 'activity', ...row.activity }} enforcement={row.enforcement} />
                    </Table.Td>
                    <Table.Td>{row.systemsWithoutPolicy.map((system) => system.name).join(', ') || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {coverage.data && coverage.data.systems.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" aria-label={t('retention.coverage.systems')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.coverage.system')}</Table.Th>
                  <Table.Th>{t('retention.coverage.state')}</Table.Th>
                  <Table.Th>{t('retention.coverage.backups')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {coverage.data.systems.map((row) => (
                  <Table.Tr key={row.system.id}>
                    <Table.Td>{row.system.name}</Table.Td>
                    <Table.Td>
                      <Arrangement subject={{ kind: 'system', ...row.system }} enforcement={row.enforcement} />
                    </Table.Td>
                    <Table.Td>{backupsText(t, row)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
