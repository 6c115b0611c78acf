import { Anchor, Box, Card, Group, Text, Title } from '@mantine/core';
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
    [t('dashboard.mfaRequired'), organisation.requireMfa ? t('common.yes') : t('common.no')],
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
      <Box component="dl" m={0}>
        {rows.map(([label, value]) => (
          // A row wraps its value under its label when both do not fit side by side (a phone), instead of
          // squeezing them into columns where words break in the middle.
          <Box key={label} style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16, rowGap: 2, marginBottom: 8 }}>
            <Text component="dt" size="sm" c="dimmed" style={{ flex: '1 1 9rem' }}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ flex: '2 1 12rem', minWidth: 0, overflowWrap: 'break-word' }}>
              {value}
            </Text>
          </Box>
        ))}
      </Box>
    </Card>
  );
}
