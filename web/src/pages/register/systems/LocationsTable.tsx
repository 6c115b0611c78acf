import { ActionIcon, Group, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { transferStatusOf } from '../../../../../src/shared/transfer-check.ts';
import type { TTransferStatus } from '../../../api/transfer.ts';
import { countryName, toCalendarDate } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay, periodText } from '../shared/dates.ts';
import { useAllVendors } from '../shared/options.ts';
import { TransferBadge } from '../shared/TransferCheck.tsx';
import type { LocationValues } from './system-form.ts';

export interface LocationRow {
  key: string;
  values: LocationValues;
  /** The server's transfer check; for a location not yet saved it is computed here with the same rule. */
  transfer?: TTransferStatus;
  /** Field problems of an unsaved row, shown under it. */
  problems?: string[];
}

/** A system's locations, past and present, with their dates and the transfer check of each. */
export function LocationsTable({
  rows,
  systemVendorId,
  onEdit,
  onDelete,
}: {
  rows: LocationRow[];
  systemVendorId: string | null;
  onEdit?: (row: LocationRow) => void;
  onDelete?: (row: LocationRow) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const vendors = useAllVendors().data?.items ?? [];
  const vendorName = (id: string | null) => vendors.find((vendor) => vendor.id === id)?.name;
  const transferOf = (row: LocationRow): TTransferStatus => {
    if (row.transfer) return row.transfer;
    const holder = vendors.find((vendor) => vendor.id === (row.values.providerVendorId ?? systemVendorId));
    return transferStatusOf(row.values.country, {
      isDpfCertified: holder?.isDpfCertified ?? false,
      on: row.values.until || toCalendarDate(new Date()),
      recordedSafeguard: row.values.transferSafeguard,
    });
  };
  const canChange = Boolean(onEdit || onDelete);

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" aria-label={t('register.systems.locationsTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('register.systems.location.role')}</Table.Th>
            <Table.Th>{t('register.common.country')}</Table.Th>
            <Table.Th>{t('register.systems.location.provider')}</Table.Th>
            <Table.Th>{t('register.systems.location.period')}</Table.Th>
            {canChange && <Table.Th>{t('register.common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const { values } = row;
            const roleLabel = t(`register.enums.locationRoles.${values.role}`);
            // A system that moved has several copies of one kind: the buttons name the country and first day too.
            const where = t('register.systems.location.whereSince', {
              country: countryName(values.country, locale),
              since: values.since ? formatDay(values.since, locale) : t('register.systems.location.sinceUnknownShort'),
            });
            return (
              <Table.Tr key={row.key}>
                <Table.Td>
                  <Text size="sm">{roleLabel}</Text>
                  {row.problems?.map((problem) => (
                    <Text key={problem} size="xs" c="red">
                      {problem}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm">
                      {countryName(values.country, locale)}
                      {values.region && ` · ${values.region}`}
                    </Text>
                    <TransferBadge transfer={transferOf(row)} />
                  </Stack>
                </Table.Td>
                <Table.Td>{vendorName(values.providerVendorId) ?? t('register.systems.location.sameVendor')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {periodText(t, { since: values.since || null, until: values.until || null }, locale)}
                </Table.Td>
                {canChange && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {onEdit && (
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('register.systems.location.editNamed', { role: roleLabel, where })}
                          onClick={() => onEdit(row)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      )}
                      {onDelete && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('register.systems.location.deleteNamed', { role: roleLabel, where })}
                          onClick={() => onDelete(row)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
