import { Alert, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.ts';
import {
  FINDING_DECISIONS,
  requestKeys,
  requestsApi,
  type TDiscovery,
  type TFinding,
  type TFindingDecision,
  type TRequest,
} from '../../api/requests.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { FormAlert } from '../../components/FormAlert.tsx';

/**
 * Where the person's data is: discovery across the connectors (with what the officer adds: a customer number, an
 * IBAN), the systems to check by hand, and per record found the decision — erase, anonymise, rectify, restrict or
 * keep with a reason — carried out after confirming the counts.
 */
export function RequestRecords({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const isOpen = request.status === 'open' || request.status === 'in_progress';
  if (request.status === 'unconfirmed' || request.minimisedAt) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="request-records">
      <Title order={2} size="h4" id="request-records">
        {t('requests.records.title')}
      </Title>
      {isOpen && <DiscoverCard request={request} />}
      <ManualChecks request={request} isOpen={isOpen} />
      <Findings request={request} isOpen={isOpen} />
    </Stack>
  );
}

/** A failed call in words, with its field errors (an IBAN that fails its check) spelled out. */
function problemMessage(error: unknown): string {
  if (isApiError(error) && error.fieldErrors.length > 0)
    return [error.detail, ...error.fieldErrors.map((field) => field.message)].join(' ');
  return describeError(error) ?? '';
}

const splitValues = (text: string) =>
  text
    .split(/[,\n]/)
    .map((value) => value.trim())
    .filter(Boolean);

function DiscoverCard({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [extra, setExtra] = useState({ customerNumbers: '', ibans: '', bsns: '', emails: '', phones: '' });
  const [result, setResult] = useState<TDiscovery | null>(null);
  const discover = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: () =>
      requestsApi.discover(org.slug, request.id, {
        emails: splitValues(extra.emails),
        phones: splitValues(extra.phones),
        customerNumbers: splitValues(extra.customerNumbers),
        ibans: splitValues(extra.ibans),
        bsns: splitValues(extra.bsns),
      }),
    onSuccess: ({ discovery, request: updated }) => {
      setResult(discovery);
      queryClient.setQueryData(requestKeys.one(org.slug, request.id), updated);
      void queryClient.invalidateQueries({ queryKey: requestKeys.findings(org.slug, request.id) });
    },
  });
  const field = (name: keyof typeof extra) => ({
    label: t(`requests.records.extra.${name}`),
    value: extra[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setExtra({ ...extra, [name]: event.currentTarget.value }),
  });
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Text size="sm">{t('requests.records.discoverHint')}</Text>
        <Group grow align="flex-start">
          <TextInput size="xs" {...field('customerNumbers')} />
          <TextInput size="xs" {...field('ibans')} />
          <TextInput size="xs" {...field('bsns')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput size="xs" {...field('emails')} />
          <TextInput size="xs" {...field('phones')} />
        </Group>
        <FormAlert message={discover.error ? problemMessage(discover.error) : null} />
        <Group justify="flex-end">
          <Button size="xs" onClick={() => discover.mutate()} loading={discover.isPending}>
            {t('requests.records.discover')}
          </Button>
        </Group>
        {result && <DiscoveryResult discovery={result} />}
      </Stack>
    </Card>
  );
}

function DiscoveryResult({ discovery }: { discovery: TDiscovery }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} aria-label={t('requests.records.resultLabel')}>
      <Text size="sm" fw={500}>
        {t('requests.records.found', { count: discovery.totalFound })}
      </Text>
      {discovery.connectors.flatMap((connector) =>
        connector.recordTypes.map((recordType) => (
          <Text size="sm" key={recordType.recordTypeId} c={recordType.error ? 'red' : undefined}>
            {connector.connectorName} / {recordType.recordTypeName}:{' '}
            {recordType.error
              ? t('requests.records.failed', { detail: recordType.error.detail })
              : `${recordType.found}${recordType.isTruncated ? '+' : ''}`}
          </Text>
        )),
      )}
    </Stack>
  );
}

function ManualChecks({ request, isOpen }: { request: TRequest; isOpen: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const tick = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (checkId: string) => requestsApi.checkSystem(org.slug, request.id, checkId, outcomes[checkId] ?? ''),
    onSuccess: (updated) => queryClient.setQueryData(requestKeys.one(org.slug, request.id), updated),
  });
  if (request.manualChecks.length === 0) return null;
  return (
    <Card withBorder padding="md" component="section" aria-label={t('requests.records.manualTitle')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('requests.records.manualTitle')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('requests.records.manualHint')}
        </Text>
        <FormAlert message={tick.error ? problemMessage(tick.error) : null} />
        {request.manualChecks.map((check) =>
          check.checkedAt ? (
            <Text size="sm" key={check.system.id}>
              ✓ {check.system.name}: {check.outcome} ({check.checkedBy?.name ?? ''})
            </Text>
          ) : (
            <Group key={check.system.id} align="flex-end" gap="xs">
              <TextInput
                style={{ flex: 1 }}
                size="xs"
                label={check.system.name}
                description={
                  check.owner
                    ? t('requests.records.manualOwner', { name: check.owner.name })
                    : t('requests.records.manualNoOwner')
                }
                placeholder={t('requests.records.manualOutcome')}
                value={outcomes[check.id ?? ''] ?? ''}
                disabled={!isOpen}
                onChange={(event) => setOutcomes({ ...outcomes, [check.id ?? '']: event.currentTarget.value })}
              />
              <Button
                size="xs"
                variant="light"
                disabled={!isOpen || !outcomes[check.id ?? '']?.trim()}
                onClick={() => check.id && tick.mutate(check.id)}
              >
                {t('requests.records.manualTick')}
              </Button>
            </Group>
          ),
        )}
      </Stack>
    </Card>
  );
}

type Draft = { decision: TFindingDecision | ''; reason: string; fields: string };

const draftOf = (finding: TFinding): Draft => ({
  decision: finding.decision ?? '',
  reason: finding.reason ?? '',
  fields: (finding.fields ?? []).map((field) => `${field.field}=${field.value ?? ''}`).join(', '),
});

/** `city=Utrecht, phone=` → fields with their new values (empty: cleared). */
function parseFields(text: string) {
  return splitValues(text).map((pair) => {
    const [field = '', ...rest] = pair.split('=');
    const value = rest.join('=').trim();
    return { field: field.trim(), value: value === '' ? null : value };
  });
}

function Findings({ request, isOpen }: { request: TRequest; isOpen: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const key = requestKeys.findings(org.slug, request.id);
  const findings = useQuery({ queryKey: key, queryFn: () => requestsApi.findings(org.slug, request.id) });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [isConfirming, setConfirming] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: requestKeys.one(org.slug, request.id) });
  };
  const save = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: () =>
      requestsApi.decide(org.slug, request.id, {
        decisions: Object.entries(drafts)
          .filter(([, draft]) => draft.decision)
          .map(([findingId, draft]) => ({
            findingId,
            decision: draft.decision as TFindingDecision,
            ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
            ...(draft.fields.trim() ? { fields: parseFields(draft.fields) } : {}),
          })),
      }),
    onSuccess: (list) => {
      queryClient.setQueryData(key, list);
      setDrafts({});
    },
  });
  const carryOut = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: () => requestsApi.carryOut(org.slug, request.id, findings.data?.toCarryOut ?? {}),
    onSuccess: () => {
      setConfirming(false);
      refresh();
    },
  });
  const items = findings.data?.items ?? [];
  if (items.length === 0) return null;
  const toCarryOut = findings.data?.toCarryOut;
  const pending = toCarryOut ? Object.values(toCarryOut).reduce((sum, count) => sum + count, 0) : 0;
  const draftFor = (finding: TFinding) => drafts[finding.id] ?? draftOf(finding);
  const change = (finding: TFinding, patch: Partial<Draft>) => {
    const next = { ...draftFor(finding), ...patch };
    if (patch.decision === 'keep' && !next.reason && finding.suggestedKeepReason)
      next.reason = finding.suggestedKeepReason;
    setDrafts({ ...drafts, [finding.id]: next });
  };
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('requests.records.findingsTitle', { count: items.length })}
        </Title>
        <FormAlert message={save.error ? problemMessage(save.error) : null} />
        <Table verticalSpacing={4} aria-label={t('requests.records.findingsTitle', { count: items.length })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requests.records.where')}</Table.Th>
              <Table.Th>{t('requests.records.decision')}</Table.Th>
              <Table.Th>{t('requests.records.reasonOrFields')}</Table.Th>
              <Table.Th>{t('requests.records.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((finding) => {
              const draft = draftFor(finding);
              const isLocked = !isOpen || finding.status === 'done';
              const needsFields = draft.decision === 'anonymise' || draft.decision === 'rectify';
              return (
                <Table.Tr key={finding.id}>
                  <Table.Td>
                    <Text size="sm">
                      {finding.connectorName} / {finding.recordTypeName}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {finding.recordKey} · {[...new Set(finding.matchedBy.map((match) => match.field))].join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('requests.records.decisionFor', { key: finding.recordKey })}
                      data={FINDING_DECISIONS.map((value) => ({
                        value,
                        label: t(`requests.records.decisions.${value}`),
                      }))}
                      value={draft.decision || null}
                      disabled={isLocked}
                      onChange={(value) => change(finding, { decision: (value ?? '') as TFindingDecision })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('requests.records.reasonFor', { key: finding.recordKey })}
                      placeholder={needsFields ? t('requests.records.fieldsPlaceholder') : t('requests.records.reason')}
                      value={needsFields ? draft.fields : draft.reason}
                      disabled={isLocked}
                      onChange={(event) =>
                        change(
                          finding,
                          needsFields ? { fields: event.currentTarget.value } : { reason: event.currentTarget.value },
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    {finding.status && (
                      <Badge
                        size="sm"
                        color={finding.status === 'done' ? 'green' : finding.status === 'failed' ? 'red' : 'gray'}
                      >
                        {t(`requests.records.statuses.${finding.status}`)}
                      </Badge>
                    )}
                    {finding.error && (
                      <Text size="xs" c="red">
                        {finding.error}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {isOpen && (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="light"
              disabled={Object.keys(drafts).length === 0}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              {t('requests.records.save')}
            </Button>
            <Button
              size="xs"
              color="red"
              disabled={pending === 0 || Object.keys(drafts).length > 0}
              onClick={() => setConfirming(true)}
            >
              {t('requests.records.carryOut')}
            </Button>
          </Group>
        )}
        <Modal opened={isConfirming} onClose={() => setConfirming(false)} title={t('requests.records.confirmTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('requests.records.confirmText')}</Text>
            {toCarryOut &&
              FINDING_DECISIONS.filter((decision) => toCarryOut[decision] > 0).map((decision) => (
                <Text size="sm" key={decision}>
                  {t(`requests.records.decisions.${decision}`)}: {toCarryOut[decision]}
                </Text>
              ))}
            {carryOut.error && <Alert color="red">{problemMessage(carryOut.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('requests.records.cancel')}
              </Button>
              <Button color="red" loading={carryOut.isPending} onClick={() => carryOut.mutate()}>
                {t('requests.records.confirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Stack>
    </Card>
  );
}
