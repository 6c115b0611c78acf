import { Button, Group, Select } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/nl';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditApi, type TAuditFilters } from '../../api/audit.ts';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi } from '../../api/organisations.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { currentLocale } from '../../i18n/index.ts';
import { actionLabel } from './labels.ts';

/** Filters by who (a member), what (an action) and when (a period of calendar days). */
export function AuditFilters({
  filters,
  onChange,
}: {
  filters: TAuditFilters;
  onChange: (next: TAuditFilters) => void;
}) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const members = useQuery({
    queryKey: queryKeys.members(org.slug),
    queryFn: () => organisationsApi.members(org.slug),
  });
  const actions = useQuery({ queryKey: queryKeys.auditActions(org.slug), queryFn: () => auditApi.actions(org.slug) });
  const set = (change: Partial<TAuditFilters>) => onChange({ ...filters, ...change });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('audit.filters.actor')}
        placeholder={t('audit.filters.anyone')}
        clearable
        searchable
        data={(members.data ?? []).map((member) => ({ value: member.userId, label: member.name }))}
        value={filters.actorId ?? null}
        onChange={(actorId) => set({ actorId: actorId ?? undefined })}
        style={{ flex: '1 1 200px' }}
      />
      <Select
        label={t('audit.filters.action')}
        placeholder={t('audit.filters.anything')}
        clearable
        searchable
        data={(actions.data ?? []).map((action) => ({ value: action, label: actionLabel(action, currentLocale()) }))}
        value={filters.action ?? null}
        onChange={(action) => set({ action: action ?? undefined })}
        style={{ flex: '1 1 220px' }}
      />
      <DatesProvider settings={{ locale: currentLocale() }}>
        <DatePickerInput
          type="range"
          allowSingleDateInRange
          label={t('audit.filters.period')}
          placeholder={t('audit.filters.anyTime')}
          clearable
          valueFormat="D MMM YYYY"
          value={[filters.from ?? null, filters.to ?? null]}
          onChange={([from, to]) => set({ from: from ?? undefined, to: to ?? from ?? undefined })}
          style={{ flex: '1 1 240px' }}
        />
      </DatesProvider>
      {Object.keys(filters).length > 0 && (
        <Button variant="subtle" onClick={() => onChange({})}>
          {t('audit.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
