import {
  Alert,
  Anchor,
  Box,
  Button,
  Code,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
} from '@mantine/core';
import { IconDownload, IconExternalLink, IconWorldUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  statementApi,
  statementKeys,
  type TOwnTexts,
  type TStatementDraft,
  type TVersionHead,
} from '../../api/statement.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { currentLocale, type Locale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { StatementView } from './StatementView.tsx';

type Checklist = TStatementDraft['checklist'];
const STATUS_COLOURS = {
  present: 'green.8',
  missing: 'red.8',
  not_applicable: 'dimmed',
  own_text: 'orange.8',
} as const;

/** The privacy statement under the register: checklist, own texts, preview, publishing, versions and exports. */
export default function StatementPage() {
  const { t, i18n } = useTranslation();
  const org = useCurrentOrganisation();
  const canPublish = useCan('privacy_officer');
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<string | null>('checklist');
  const draft = useQuery({
    queryKey: [...statementKeys.draft(org.slug), i18n.language],
    queryFn: () => statementApi.draft(org.slug),
    staleTime: 0,
  });
  const publish = useMutation({
    mutationFn: () => statementApi.publish(org.slug),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statementKeys.all(org.slug) }),
  });
  const language = currentLocale();
  const exportButton = (format: 'html' | 'pdf') => (
    <Button
      component="a"
      href={statementApi.exportUrl(org.slug, format, language)}
      download
      variant="default"
      leftSection={<IconDownload size={16} />}
    >
      {t(`statement.export.${format}`)}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('statement.title')}
        description={t('statement.description')}
        actions={
          <Group gap="xs">
            {exportButton('html')}
            {exportButton('pdf')}
            {canPublish && (
              <Button
                leftSection={<IconWorldUpload size={16} />}
                loading={publish.isPending}
                onClick={() => publish.mutate()}
              >
                {t('statement.publish')}
              </Button>
            )}
          </Group>
        }
      />
      <QueryState isPending={draft.isPending} error={draft.error} />
      <FormAlert message={publish.error?.message ?? null} />
      {draft.data && (
        <Stack gap="lg">
          <PublishedStatus draft={draft.data} />
          <Tabs value={tab} onChange={setTab}>
            <Tabs.List>
              <Tabs.Tab value="checklist">{t('statement.tabs.checklist')}</Tabs.Tab>
              <Tabs.Tab value="texts">{t('statement.tabs.texts')}</Tabs.Tab>
              <Tabs.Tab value="preview">{t('statement.tabs.preview')}</Tabs.Tab>
              <Tabs.Tab value="versions">{t('statement.tabs.versions')}</Tabs.Tab>
            </Tabs.List>
            <Box pt="md">
              {tab === 'checklist' && (
                <ChecklistTable checklist={draft.data.checklist} onOwnTexts={() => setTab('texts')} />
              )}
              {tab === 'texts' && <OwnTextsForm texts={draft.data.ownTexts} canEdit={canPublish} />}
              {tab === 'preview' && <Preview draft={draft.data} />}
              {tab === 'versions' && <Versions />}
            </Box>
          </Tabs>
        </Stack>
      )}
    </>
  );
}

function PublishedStatus({ draft }: { draft: TStatementDraft }) {
  const { t } = useTranslation();
  if (!draft.published) return <Alert color="blue">{t('statement.status.none')}</Alert>;
  const date = new Date(draft.published.publishedAt).toLocaleDateString(currentLocale());
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Text>{t('statement.status.published', { version: draft.published.version, date })}</Text>
        <Anchor href={draft.publicUrl} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4}>
            {t('statement.status.publicPage')}
            <IconExternalLink size={14} />
          </Group>
        </Anchor>
      </Group>
      {draft.isOutOfDate && (
        <Alert color="orange" title={t('statement.status.outOfDateTitle')} role="status">
          {t('statement.status.outOfDateText')}
        </Alert>
      )}
    </Stack>
  );
}

function ChecklistTable({ checklist, onOwnTexts }: { checklist: Checklist; onOwnTexts: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" data-testid="statement-checklist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('statement.checklist.item')}</Table.Th>
            <Table.Th>{t('statement.checklist.status')}</Table.Th>
            <Table.Th>{t('statement.checklist.fill')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checklist.map((item) => (
            <Table.Tr key={item.itemId} data-item={item.itemId}>
              <Table.Td>
                <Text size="sm">
                  <Code>{item.itemId}</Code> {item.label}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600} c={STATUS_COLOURS[item.status]}>
                  {t(`statement.checklist.statuses.${item.status}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {item.targets.map((target) => {
                    if (target.target === 'activity')
                      return (
                        <Anchor
                          key={`${target.activityId}-${target.field}`}
                          component={Link}
                          to={`/o/${org.slug}/register/activities/${target.activityId}`}
                          size="sm"
                        >
                          {t('statement.checklist.activityField', {
                            activity: target.activityName,
                            field: t(`statement.fields.${target.field}`),
                          })}
                        </Anchor>
                      );
                    if (target.target === 'organisation')
                      return (
                        <Anchor key={target.field} component={Link} to={`/o/${org.slug}/settings`} size="sm">
                          {t('statement.checklist.organisationField', { field: t(`statement.fields.${target.field}`) })}
                        </Anchor>
                      );
                    return (
                      <Anchor key={target.field} component="button" type="button" size="sm" onClick={onOwnTexts}>
                        {t('statement.checklist.ownText')}
                      </Anchor>
                    );
                  })}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OwnTextsForm({ texts, canEdit }: { texts: TOwnTexts; canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<TOwnTexts>(texts);
  useEffect(() => setValues(texts), [texts]);
  const save = useMutation({
    mutationFn: () => statementApi.saveTexts(org.slug, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statementKeys.draft(org.slug) }),
  });
  const field = (part: keyof TOwnTexts, locale: Locale) => (
    <Textarea
      label={t(`statement.texts.${part}.${locale}`)}
      autosize
      minRows={3}
      maxLength={20000}
      readOnly={!canEdit}
      value={values[part][locale]}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setValues((current) => ({ ...current, [part]: { ...current[part], [locale]: text } }));
      }}
    />
  );
  return (
    <Stack gap="md" maw={760}>
      <Text size="sm" c="dimmed">
        {t('statement.texts.help')}
      </Text>
      {field('introduction', 'nl')}
      {field('introduction', 'en')}
      {field('cookies', 'nl')}
      {field('cookies', 'en')}
      <FormAlert message={save.error?.message ?? null} />
      {save.isSuccess && (
        <Alert color="green" role="status">
          {t('statement.texts.saved')}
        </Alert>
      )}
      {canEdit && (
        <Group>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('statement.texts.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Preview({ draft }: { draft: TStatementDraft }) {
  const [language, setLanguage] = useState<Locale>(currentLocale());
  return (
    <Stack gap="md" maw={760}>
      <SegmentedControl
        value={language}
        onChange={(value) => setLanguage(value as Locale)}
        data={[
          { value: 'nl', label: 'Nederlands' },
          { value: 'en', label: 'English' },
        ]}
        w={240}
      />
      <StatementView document={draft.content[language]} />
    </Stack>
  );
}

function Versions() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const versions = useQuery({
    queryKey: statementKeys.versions(org.slug),
    queryFn: () => statementApi.versions(org.slug),
  });
  if (!versions.data) return <QueryState isPending={versions.isPending} error={versions.error} />;
  if (versions.data.length === 0) return <Text c="dimmed">{t('statement.versions.none')}</Text>;
  return (
    <Stack gap="lg">
      <Table verticalSpacing="sm" data-testid="statement-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('statement.versions.version')}</Table.Th>
            <Table.Th>{t('statement.versions.publishedAt')}</Table.Th>
            <Table.Th>{t('statement.versions.files')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.map((version) => (
            <VersionRow key={version.id} version={version} />
          ))}
        </Table.Tbody>
      </Table>
      {versions.data.length > 1 && <VersionDiff versions={versions.data} />}
    </Stack>
  );
}

function VersionRow({ version }: { version: TVersionHead }) {
  const org = useCurrentOrganisation();
  const link = (format: 'html' | 'pdf', language: Locale) => (
    <Anchor href={statementApi.exportUrl(org.slug, format, language, version.version)} download size="sm">
      {`${format.toUpperCase()} ${language}`}
    </Anchor>
  );
  return (
    <Table.Tr>
      <Table.Td>{version.version}</Table.Td>
      <Table.Td>{new Date(version.publishedAt).toLocaleString(currentLocale())}</Table.Td>
      <Table.Td>
        <Group gap="sm">
          {link('html', 'nl')}
          {link('pdf', 'nl')}
          {link('html', 'en')}
          {link('pdf', 'en')}
          <Anchor href={`/p/${org.slug}/privacy?version=${version.version}`} target="_blank" size="sm">
            /p/{org.slug}/privacy?version={version.version}
          </Anchor>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

const CHANGE_STYLE = {
  added: { background: 'var(--mantine-color-green-0)', prefix: '+ ' },
  removed: { background: 'var(--mantine-color-red-0)', prefix: '− ' },
  same: { background: undefined, prefix: '  ' },
} as const;

function VersionDiff({ versions }: { versions: TVersionHead[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const options = versions.map((version) => ({ value: String(version.version), label: String(version.version) }));
  const [from, setFrom] = useState(String(versions[1]?.version ?? 1));
  const [to, setTo] = useState(String(versions[0]?.version ?? 1));
  const language = currentLocale();
  const diff = useQuery({
    queryKey: statementKeys.diff(org.slug, Number(from), Number(to), language),
    queryFn: () => statementApi.diff(org.slug, Number(from), Number(to), language),
  });
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('statement.versions.from')}
          data={options}
          value={from}
          onChange={(value) => value && setFrom(value)}
          w={120}
        />
        <Select
          label={t('statement.versions.to')}
          data={options}
          value={to}
          onChange={(value) => value && setTo(value)}
          w={120}
        />
      </Group>
      <QueryState isPending={diff.isPending} error={diff.error} />
      {diff.data && (
        <Box component="pre" data-testid="statement-diff" style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>
          {diff.data.lines
            .filter((line) => line.change !== 'same')
            .map((line, index) => (
              <Box
                // biome-ignore lint/suspicious/noArrayIndexKey: diff lines are positional
                key={index}
                component="div"
                data-change={line.change}
                style={{ background: CHANGE_STYLE[line.change].background }}
              >
                {CHANGE_STYLE[line.change].prefix}
                {line.text}
              </Box>
            ))}
          {diff.data.lines.every((line) => line.change === 'same') && t('statement.versions.noChanges')}
        </Box>
      )}
    </Stack>
  );
}
