import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TLocation } from '../../../api/inventory.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { countryName } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { periodText } from '../shared/dates.ts';
import { TransferBadge } from '../shared/TransferCheck.tsx';

/** Locations across systems: which system, which copy, where, held by whom, and for which days. */
export function LocationsList({ locations }: { locations: TLocation[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('register.activities.filters.system')}</Table.Th>
            <Table.Th>{t('register.systems.location.role')}</Table.Th>
            <Table.Th>{t('register.common.country')}</Table.Th>
            <Table.Th>{t('register.systems.location.provider')}</Table.Th>
            <Table.Th>{t('register.systems.location.period')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locations.map((location) => (
            <Table.Tr key={location.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${org.slug}/register/systems/${location.system.id}`} size="sm">
                  {location.system.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`register.enums.locationRoles.${location.role}`)}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {countryName(location.country, locale)}
                  {location.region && ` · ${location.region}`}
                </Text>
                {location.transfer.status !== 'eea' && <TransferBadge transfer={location.transfer} />}
              </Table.Td>
              <Table.Td>{location.providerVendor?.name ?? t('register.systems.location.sameVendor')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodText(t, location, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
