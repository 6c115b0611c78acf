import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOrganisation } from '../../api/organisations.ts';
import { countryName } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

/** The organisation's facts as a client or the authority would ask for them first. */
export function KeyFacts({ organisation }: { organisation: TOrganisation }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const roles = [
    organisation.isController && t('organisations.fields.isController'),
    organisation.isProcessor && t('organisations.fields.isProcessor'),
  ].filter(Boolean);
  const address = [organisation.street, [organisation.postcode, organisation.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const contact = organisation.privacyContact;
  const rows: [string, string][] = [
    [t('organisations.fields.kvkNumber'), organisation.kvkNumber ?? t('common.notSet')],
    [t('dashboard.address'), address || t('common.notSet')],
    [t('organisations.fields.country'), countryName(organisation.country, locale)],
    [t('organisations.fields.gdprRoles'), roles.join(', ')],
    [
      t('dashboard.privacyContact'),
      contact ? `${contact.name} (${t(`organisations.contact.kinds.${contact.kind}`)})` : t('common.notSet'),
    ],
    [t('organisations.fields.requireMfa'), organisation.requireMfa ? t('common.yes') : t('common.no')],
  ];
  if (organisation.managedBy) rows.push([t('dashboard.managedBy'), organisation.managedBy.name]);

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('dashboard.factsTitle')}
        </Title>
        <Anchor component={Link} to="settings" size="sm">
          {t('dashboard.editFacts')}
        </Anchor>
      </Group>
      <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="42%" fw={500}>
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
              </Table.Th>
              <Table.Td>
                <Text size="sm">{value}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
