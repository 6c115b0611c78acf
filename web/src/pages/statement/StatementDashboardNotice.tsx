import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { statementApi, statementKeys } from '../../api/statement.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';

/** On the dashboard: the published privacy statement no longer says what the register says. Nothing otherwise. */
export function StatementDashboardNotice() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const status = useQuery({
    queryKey: [...statementKeys.all(org.slug), 'status'],
    queryFn: () => statementApi.status(org.slug),
  });
  if (!status.data?.isOutOfDate) return null;
  return (
    <Alert color="orange" title={t('statement.status.outOfDateTitle')} role="status" mt="sm">
      <Anchor component={Link} to={`/o/${org.slug}/register/privacy-statement`} size="sm">
        {t('statement.dashboard.open')}
      </Anchor>
    </Alert>
  );
}
