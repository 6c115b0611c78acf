import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { measureKeys, measuresApi, type TFindings, type TMeasure, type TMeasureStatus } from '../../api/measures.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { Tag } from '../register/shared/Tag.tsx';

const STATUS_COLORS: Record<TMeasureStatus, string> = { planned: 'yellow', in_place: 'green', not_applicable: 'gray' };

export function StatusTag({ status }: { status: TMeasureStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`measures.statuses.${status}`)}</Tag>;
}

export function useFindings() {
  const org = useCurrentOrganisation();
  return useQuery({ queryKey: measureKeys.findings(org.slug), queryFn: () => measuresApi.findings(org.slug) });
}

export function useMeasures() {
  const org = useCurrentOrganisation();
  return useQuery({ queryKey: measureKeys.list(org.slug), queryFn: () => measuresApi.list(org.slug) });
}

/**
 * The open findings, each with the measure that settles it: a link to that measure when the register has it, or
 * its catalogue title otherwise.
 */
export function FindingsCard({ findings, measures }: { findings: TFindings; measures: TMeasure[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const byKey = new Map(measures.filter((measure) => measure.catalogueKey).map((m) => [m.catalogueKey, m]));
  const catalogue = useQuery({
    queryKey: measureKeys.catalogue(org.slug),
    queryFn: () => measuresApi.catalogue(org.slug),
  });
  const catalogueTitle = (key: string | null) => catalogue.data?.find((entry) => entry.key === key)?.title;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="measure-findings-title" mb="lg">
      <Title order={2} size="h4" id="measure-findings-title">
        {t('measures.findings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('measures.findings.intro')}
      </Text>
      {findings.open.length === 0 && <Text size="sm">{t('measures.findings.none')}</Text>}
      {findings.open.length > 0 && (
        <List spacing="xs" size="sm" icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" />}>
          {findings.open.map((finding) => {
            const settling = finding.settledBy ? byKey.get(finding.settledBy) : undefined;
            const target =
              finding.target.type === 'measure' ? measures.find((m) => m.id === finding.target.id) : settling;
            return (
              <List.Item key={`${finding.kind}-${finding.target.id}`}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm">{finding.message}</Text>
                  {target && (
                    <Anchor component={Link} to={`/o/${org.slug}/measures/${target.id}`} size="sm">
                      {finding.target.type === 'measure'
                        ? t('measures.findings.open')
                        : t('measures.findings.settledBy', { measure: target.title })}
                    </Anchor>
                  )}
                  {!target && catalogueTitle(finding.settledBy) && (
                    <Text size="sm" c="dimmed">
                      {t('measures.findings.settledBy', { measure: catalogueTitle(finding.settledBy) })}
                    </Text>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      {findings.covered.length > 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('measures.findings.covered', { count: findings.covered.length })}
        </Text>
      )}
    </Card>
  );
}

/** The dashboard's line on measures: how many findings are open. */
export function MeasuresDashboardCard() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const findings = useFindings();
  const open = findings.data?.open.length ?? 0;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dashboard-measures-title">
      <Stack gap={4}>
        <Title order={2} size="h4" mb="xs" id="dashboard-measures-title">
          {t('measures.dashboard.title')}
        </Title>
        {findings.isSuccess && open === 0 && <Text size="sm">{t('measures.dashboard.none')}</Text>}
        {open > 0 && <Text size="sm">{t('measures.dashboard.open', { count: open })}</Text>}
        {findings.data?.open.slice(0, 3).map((finding) => (
          <Text size="sm" c="dimmed" key={`${finding.kind}-${finding.target.id}`}>
            {finding.message}
          </Text>
        ))}
        <Anchor component={Link} to={`/o/${org.slug}/measures`} size="sm" mt="sm" display="block">
          {t('measures.dashboard.link')}
        </Anchor>
      </Stack>
    </Card>
  );
}
