import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/http.ts';
import { statementApi, statementKeys } from '../../api/statement.ts';
import { currentLocale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { PublicFrame } from '../requests/PublicFrame.tsx';
import { StatementView } from './StatementView.tsx';

/** `/p/:slug/privacy`: the organisation's published privacy statement; `?version=N` shows an earlier one. */
export default function PublicStatementPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  const asked = Number(search.get('version'));
  const version = Number.isInteger(asked) && asked > 0 ? asked : null;
  const page = useQuery({
    queryKey: statementKeys.publicPage(slug, version),
    queryFn: () => statementApi.publicPage(slug, version),
    retry: false,
  });
  if (page.error && isApiError(page.error) && page.error.status === 404)
    return (
      <PublicFrame title={t('statement.public.title')}>
        <Alert color="gray">{t('statement.public.notFound')}</Alert>
      </PublicFrame>
    );
  if (!page.data)
    return (
      <PublicFrame title={t('statement.public.title')}>
        <QueryState isPending={page.isPending} error={page.error} />
      </PublicFrame>
    );
  const data = page.data;
  const locale = currentLocale();
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale);
  const isCurrent = data.version.version === data.currentVersion;
  return (
    <PublicFrame title={data.version.content[locale].title}>
      {!isCurrent && (
        <Alert color="yellow">
          {t('statement.public.earlier', { version: data.version.version })}{' '}
          <Anchor component={Link} to={`/p/${slug}/privacy`}>
            {t('statement.public.toCurrent')}
          </Anchor>
        </Alert>
      )}
      <StatementView
        document={{ ...data.version.content[locale], title: '' }}
        subtitle={t('statement.public.versionLine', {
          version: data.version.version,
          date: date(data.version.publishedAt),
        })}
      />
      {data.versions.length > 1 && (
        <Stack gap={4}>
          <Text fw={500}>{t('statement.public.versions')}</Text>
          <Group gap="sm">
            {data.versions.map((entry) => (
              <Anchor key={entry.version} component={Link} to={`/p/${slug}/privacy?version=${entry.version}`} size="sm">
                {t('statement.public.versionLine', { version: entry.version, date: date(entry.publishedAt) })}
              </Anchor>
            ))}
          </Group>
        </Stack>
      )}
    </PublicFrame>
  );
}
