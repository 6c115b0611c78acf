import {
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  Grid,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  AGREEMENT_DOCUMENT_KINDS,
  agreementKeys,
  agreementsApi,
  STORED_AGREEMENT_STATUSES,
  type TAgreement,
} from '../../api/agreements.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { useRecordUpdate } from '../../app/record-update.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useActivityOptions } from '../breaches/BreachParts.tsx';
import { useSystemOptions, useVendorOptions } from '../register/shared/options.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { AgreementStatusTag } from './AgreementParts.tsx';

/** One agreement: its parties and terms, the Art. 28(3) checklist, and its documents. */
export default function AgreementPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { agreementId = '' } = useParams();
  const agreement = useQuery({
    queryKey: agreementKeys.one(org.slug, agreementId),
    queryFn: () => agreementsApi.get(org.slug, agreementId),
  });
  const data = agreement.data;
  return (
    <Stack gap="lg">
      <BackLink to={`/o/${org.slug}/register/agreements`} label={t('agreements.detail.back')} />
      <QueryState isPending={agreement.isPending} error={agreement.error} />
      {data && (
        <>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {data.title || data.counterparty.name}
            </Title>
            <AgreementStatusTag status={data.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t(`agreements.directions.${data.direction}`)}: {data.counterparty.name}
            {data.counterparty.contact ? ` — ${data.counterparty.contact}` : ''}
          </Text>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <AgreementForm key={data.updatedAt} agreement={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
                <ChecklistCard key={`c-${data.updatedAt}`} agreement={data} />
                <DocumentsCard agreement={data} />
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

/** The answer of a change replaces the cached page; the list and the coverage are refreshed. */
function useAgreementUpdate<Input>(agreementId: string, run: (org: string, input: Input) => Promise<TAgreement>) {
  return useRecordUpdate({
    recordKey: (org) => agreementKeys.one(org, agreementId),
    refreshKeys: (org) => [agreementKeys.list(org), agreementKeys.coverage(org)],
    run,
  });
}

interface FormValues {
  title: string;
  services: string;
  status: TAgreement['storedStatus'];
  startDate: string;
  endDate: string;
  term: string;
  signedByName: string;
  signedOn: string;
  documentKind: TAgreement['documentKind'];
  systemIds: string[];
  activityIds: string[];
  subProcessorVendorIds: string[];
  notes: string;
}

function AgreementForm({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCan('editor');
  const [formError, setFormError] = useState<string | null>(null);
  const systems = useSystemOptions();
  const vendors = useVendorOptions();
  const activities = useActivityOptions();
  const form = useForm<FormValues>({
    initialValues: {
      title: agreement.title,
      services: agreement.services,
      status: agreement.storedStatus,
      startDate: agreement.startDate ?? '',
      endDate: agreement.endDate ?? '',
      term: agreement.term,
      signedByName: agreement.signedByName,
      signedOn: agreement.signedOn ?? '',
      documentKind: agreement.documentKind,
      systemIds: agreement.systems.map((system) => system.id),
      activityIds: agreement.activities.map((activity) => activity.id),
      subProcessorVendorIds: agreement.subProcessors.map((vendor) => vendor.id),
      notes: agreement.notes,
    },
  });
  const save = useAgreementUpdate(agreement.id, (ref, values: FormValues) =>
    agreementsApi.update(ref, agreement.id, {
      ...values,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      signedOn: values.signedOn || null,
    }),
  );
  const picker = { searchable: true, clearable: true, hidePickedOptions: true };
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          save.mutate(values, {
            onSuccess: () => notifications.show({ message: t('agreements.detail.saved'), color: 'green' }),
            onError: (error) => setFormError(applyProblem(form, error)),
          });
        })}
      >
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            <FormAlert message={formError} />
            <TextInput label={t('agreements.fields.title')} maxLength={200} {...form.getInputProps('title')} />
            <Textarea
              label={t('agreements.fields.services')}
              autosize
              minRows={2}
              {...form.getInputProps('services')}
            />
            <Group grow align="flex-start">
              <Select
                label={t('agreements.fields.status')}
                description={t('agreements.detail.statusHint')}
                data={STORED_AGREEMENT_STATUSES.map((value) => ({ value, label: t(`agreements.statuses.${value}`) }))}
                allowDeselect={false}
                {...form.getInputProps('status')}
              />
              <Select
                label={t('agreements.fields.documentKind')}
                data={AGREEMENT_DOCUMENT_KINDS.map((value) => ({
                  value,
                  label: t(`agreements.documentKinds.${value}`),
                }))}
                allowDeselect={false}
                {...form.getInputProps('documentKind')}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput label={t('agreements.fields.startDate')} type="date" {...form.getInputProps('startDate')} />
              <TextInput label={t('agreements.fields.endDate')} type="date" {...form.getInputProps('endDate')} />
            </Group>
            <TextInput label={t('agreements.fields.term')} maxLength={500} {...form.getInputProps('term')} />
            <Group grow align="flex-start">
              <TextInput
                label={t('agreements.fields.signedByName')}
                maxLength={200}
                {...form.getInputProps('signedByName')}
              />
              <TextInput label={t('agreements.fields.signedOn')} type="date" {...form.getInputProps('signedOn')} />
            </Group>
            <MultiSelect
              label={t('agreements.fields.systems')}
              data={systems}
              {...picker}
              {...form.getInputProps('systemIds')}
            />
            <MultiSelect
              label={t('agreements.fields.activities')}
              data={activities}
              {...picker}
              {...form.getInputProps('activityIds')}
            />
            <MultiSelect
              label={t('agreements.fields.subProcessors')}
              data={vendors}
              {...picker}
              {...form.getInputProps('subProcessorVendorIds')}
            />
            <Textarea label={t('agreements.fields.notes')} autosize {...form.getInputProps('notes')} />
            {canEdit && (
              <Group justify="space-between" mt="sm">
                <ConfirmButton
                  variant="subtle"
                  color="red"
                  question={t('agreements.detail.deleteQuestion')}
                  confirmLabel={t('agreements.detail.delete')}
                  onConfirm={async () => {
                    await agreementsApi.remove(org.slug, agreement.id);
                    await queryClient.invalidateQueries({ queryKey: agreementKeys.all(org.slug) });
                    await navigate(`/o/${org.slug}/register/agreements`);
                  }}
                >
                  {t('agreements.detail.delete')}
                </ConfirmButton>
                <Button type="submit" loading={save.isPending}>
                  {t('agreements.detail.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Card>
  );
}

type Checklist = Record<string, { isPresent: boolean; reference: string }>;

/** Each Art. 28(3) item: ticked with where the agreement says it; what is missing is named plainly. */
function ChecklistCard({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const canEdit = useCan('editor');
  const [items, setItems] = useState<Checklist>(
    Object.fromEntries(
      agreement.checklist.map((item) => [item.id, { isPresent: item.isPresent, reference: item.reference }]),
    ),
  );
  const save = useAgreementUpdate(agreement.id, (ref, checklist: Checklist) =>
    agreementsApi.updateChecklist(ref, agreement.id, { items: checklist }),
  );
  const change = (id: string, patch: Partial<Checklist[string]>) =>
    setItems((current) => ({
      ...current,
      [id]: { ...(current[id] ?? { isPresent: false, reference: '' }), ...patch },
    }));
  const missing = agreement.checklist.filter((item) => agreement.missingItems.includes(item.id));
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="agreement-checklist-title">
      <Title order={2} size="h4" id="agreement-checklist-title">
        {t('agreements.checklist.title')}
      </Title>
      <Text size="sm" c={missing.length > 0 ? 'orange.8' : 'green.8'} mb="sm" role="status">
        {missing.length > 0
          ? t('agreements.checklist.missing', { count: missing.length })
          : t('agreements.checklist.complete')}
      </Text>
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          {agreement.checklist.map((item) => (
            <Stack key={item.id} gap={4}>
              <Checkbox
                label={item.text}
                checked={items[item.id]?.isPresent ?? false}
                onChange={(event) => change(item.id, { isPresent: event.currentTarget.checked })}
              />
              {items[item.id]?.isPresent && (
                <TextInput
                  size="xs"
                  ml={32}
                  aria-label={t('agreements.checklist.referenceOf', { item: item.text })}
                  placeholder={t('agreements.checklist.reference')}
                  maxLength={300}
                  value={items[item.id]?.reference ?? ''}
                  onChange={(event) => change(item.id, { reference: event.currentTarget.value })}
                />
              )}
            </Stack>
          ))}
          <FormAlert message={save.error ? describeError(save.error) : null} />
          {canEdit && (
            <Button
              style={{ alignSelf: 'flex-end' }}
              loading={save.isPending}
              onClick={() =>
                save.mutate(items, {
                  onSuccess: () => notifications.show({ message: t('agreements.detail.saved'), color: 'green' }),
                })
              }
            >
              {t('agreements.checklist.save')}
            </Button>
          )}
        </Stack>
      </fieldset>
    </Card>
  );
}

/** The signed agreement and the documents beside it: download, remove, upload a PDF. */
function DocumentsCard({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string>('agreement');
  const upload = useAgreementUpdate(agreement.id, (ref, chosen: File) =>
    agreementsApi.upload(ref, agreement.id, chosen, kind),
  );
  const remove = useAgreementUpdate(agreement.id, (ref, documentId: string) =>
    agreementsApi.removeDocument(ref, agreement.id, documentId),
  );
  const error = upload.error ?? remove.error;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="agreement-documents-title">
      <Title order={2} size="h4" mb="sm" id="agreement-documents-title">
        {t('agreements.documents.title')}
      </Title>
      {agreement.documents.length === 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('agreements.documents.none')}
        </Text>
      )}
      {agreement.documents.length > 0 && (
        <Table mb="sm" aria-label={t('agreements.documents.title')}>
          <Table.Tbody>
            {agreement.documents.map((document) => (
              <Table.Tr key={document.id}>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  <Anchor href={agreementsApi.downloadUrl(org.slug, agreement.id, document.id)} size="sm">
                    {document.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`agreements.documentKinds.${document.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(document.id)}>
                      {t('agreements.documents.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormAlert message={error ? describeError(error) : null} />
      {canEdit && (
        <Stack gap={6} mt="sm">
          <FileInput
            label={t('agreements.documents.file')}
            accept="application/pdf"
            value={file}
            onChange={setFile}
            clearable
          />
          <Select
            label={t('agreements.fields.documentKind')}
            data={AGREEMENT_DOCUMENT_KINDS.map((value) => ({ value, label: t(`agreements.documentKinds.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(value ?? 'agreement')}
            allowDeselect={false}
          />
          <Button
            style={{ alignSelf: 'flex-end' }}
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file, { onSuccess: () => setFile(null) })}
          >
            {t('agreements.documents.upload')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}
