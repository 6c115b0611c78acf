import { Alert, Checkbox, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle, IconWorldExclamation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BACKUP_ROLES,
  inventoryApi,
  LOCATION_ROLES,
  type TEeaStatus,
  type TLocationRole,
} from '../../../api/inventory.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay } from '../shared/dates.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { LocationsList } from './LocationsList.tsx';

/**
 * "Since when have all our backups been inside the EEA?": the answer with its evidence (every location of those
 * roles that was ever outside) and the date of the country list it rests on.
 */
export function EeaStatusCard() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const [roles, setRoles] = useState<TLocationRole[]>([...BACKUP_ROLES]);
  const [includeAdequate, setIncludeAdequate] = useState(false);
  const status = useQuery({
    queryKey: registerKeys.eeaStatus(org.slug, { roles, includeAdequate }),
    queryFn: () => inventoryApi.eeaStatus(org.slug, roles, includeAdequate),
    enabled: roles.length > 0,
  });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="eea-title">
      <Stack>
        <Title order={2} size="h3" id="eea-title">
          {t('register.where.eeaTitle')}
        </Title>
        <Checkbox.Group
          label={t('register.where.eeaRoles')}
          value={roles}
          onChange={(next) => setRoles(next as TLocationRole[])}
        >
          <Group gap="lg" mt={6}>
            {LOCATION_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`register.enums.locationRoles.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label={t('register.where.includeAdequate')}
          description={t('register.where.includeAdequateHelp')}
          checked={includeAdequate}
          onChange={(event) => setIncludeAdequate(event.currentTarget.checked)}
        />
        {roles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('register.where.chooseRole')}
          </Text>
        ) : (
          <QueryState isPending={status.isPending} error={status.error} />
        )}
        {roles.length > 0 && status.data && <EeaAnswer status={status.data} />}
      </Stack>
    </Paper>
  );
}

function EeaAnswer({ status }: { status: TEeaStatus }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const scope = t(status.includeAdequate ? 'register.where.scopeAdequate' : 'register.where.scopeEea');
  let answer: { colour: string; icon: typeof IconCircleCheck; title: string };
  if (status.allInsideSince) {
    answer = {
      colour: 'teal',
      icon: IconCircleCheck,
      title: t('register.where.insideSince', { date: formatDay(status.allInsideSince, locale), scope }),
    };
  } else if (status.isAllInsideNow) {
    answer = { colour: 'yellow', icon: IconInfoCircle, title: t('register.where.insideNowSinceUnknown', { scope }) };
  } else if (status.recordsSince || status.unknownSince.length > 0) {
    answer = { colour: 'red', icon: IconWorldExclamation, title: t('register.where.outsideNow', { scope }) };
  } else {
    answer = { colour: 'gray', icon: IconInfoCircle, title: t('register.where.noRecords') };
  }
  const Icon = answer.icon;
  return (
    <Stack gap="sm">
      <Alert
        color={answer.colour}
        icon={<Icon size={18} />}
        title={answer.title}
        role="status"
        data-testid="eea-answer"
      >
        {status.recordsSince && (
          <Text size="sm">{t('register.where.recordsSince', { date: formatDay(status.recordsSince, locale) })}</Text>
        )}
        <Text size="xs" c="dimmed">
          {t('register.common.countriesValidAsOf', { date: formatDay(status.countriesValidAsOf, locale) })}
        </Text>
      </Alert>
      {status.outside.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            {t('register.where.evidence')}
          </Text>
          <LocationsList locations={status.outside} />
        </>
      )}
    </Stack>
  );
}
