import {
  Anchor,
  Button,
  Card,
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
  EVIDENCE_MEDIA_TYPES,
  MEASURE_STATUSES,
  measureKeys,
  measuresApi,
  type TMeasure,
  type TMeasureStatus,
} from '../../api/measures.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { useRecordUpdate } from '../../app/record-update.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useMemberOptions, useSystemOptions, useVendorOptions } from '../register/shared/options.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { StatusTag } from './MeasureParts.tsx';

/** One measure: what it is, its status, owner, review date and links, and its evidence. */
export default function MeasurePage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { measureId = '' } = useParams();
  const measure = useQuery({
    queryKey: measureKeys.one(org.slug, measureId),
    queryFn: () => measuresApi.get(org.slug, measureId),
  });
  const data = measure.data;
  return (
    <Stack gap="lg">
      <BackLink to={`/o/${org.slug}/measures`} label={t('measures.detail.back')} />
      <QueryState isPending={measure.isPending} error={measure.error} />
      {data && (
        <>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {data.title}
            </Title>
            <StatusTag status={data.status} />
          </Group>
          {data.controls.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('measures.fields.controls')}: {data.controls.join(', ')}
            </Text>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <MeasureForm key={data.updatedAt} measure={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <EvidenceCard measure={data} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

/** The answer of a change replaces the cached page; the list and the findings are refreshed. */
function useMeasureUpdate<Input>(measureId: string, run: (org: string, input: Input) => Promise<TMeasure>) {
  return useRecordUpdate({
    recordKey: (org) => measureKeys.one(org, measureId),
    refreshKeys: (org) => [measureKeys.list(org), measureKeys.findings(org)],
    run,
  });
}

interface FormValues {
  title: string;
  description: string;
  status: TMeasureStatus;
  notApplicableReason: string;
  ownerUserId: string | null;
  reviewDate: string;
  systemIds: string[];
  vendorIds: string[];
}

function MeasureForm({ measure }: { measure: TMeasure }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCan('editor');
  const [formError, setFormError] = useState<string | null>(null);
  const systems = useSystemOptions();
  const vendors = useVendorOptions();
  const members = useMemberOptions();
  const form = useForm<FormValues>({
    initialValues: {
      title: measure.title,
      description: measure.description,
      status: measure.status,
      notApplicableReason: measure.notApplicableReason ?? '',
      ownerUserId: measure.ownerUserId,
      reviewDate: measure.reviewDate ?? '',
      systemIds: measure.systems.map((system) => system.id),
      vendorIds: measure.vendors.map((vendor) => vendor.id),
    },
  });
  const save = useMeasureUpdate(measure.id, (ref, values: FormValues) =>
    measuresApi.update(ref, measure.id, {
      ...(measure.catalogueKey && values.title === measure.title ? {} : { title: values.title }),
      ...(measure.catalogueKey && values.description === measure.description
        ? {}
        : { description: values.description }),
      status: values.status,
      notApplicableReason: values.status === 'not_applicable' ? values.notApplicableReason : null,
      ownerUserId: values.ownerUserId,
      reviewDate: values.reviewDate || null,
      systemIds: values.systemIds,
      vendorIds: values.vendorIds,
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
            onSuccess: () => notifications.show({ message: t('measures.detail.saved'), color: 'green' }),
            onError: (error) => setFormError(applyProblem(form, error)),
          });
        })}
      >
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            <FormAlert message={formError} />
            <TextInput label={t('measures.fields.title')} maxLength={200} {...form.getInputProps('title')} />
            <Textarea
              label={t('measures.fields.description')}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
            <Group grow align="flex-start">
              <Select
                label={t('measures.fields.status')}
                data={MEASURE_STATUSES.map((value) => ({ value, label: t(`measures.statuses.${value}`) }))}
                allowDeselect={false}
                {...form.getInputProps('status')}
              />
              <TextInput label={t('measures.fields.reviewDate')} type="date" {...form.getInputProps('reviewDate')} />
            </Group>
            {form.values.status === 'not_applicable' && (
              <Textarea
                label={t('measures.fields.notApplicableReason')}
                required
                autosize
                {...form.getInputProps('notApplicableReason')}
              />
            )}
            <Select
              label={t('measures.fields.owner')}
              data={members}
              clearable
              {...form.getInputProps('ownerUserId')}
            />
            <MultiSelect
              label={t('measures.fields.systems')}
              description={t('measures.detail.linksHint')}
              data={systems}
              {...picker}
              {...form.getInputProps('systemIds')}
            />
            <MultiSelect
              label={t('measures.fields.vendors')}
              data={vendors}
              {...picker}
              {...form.getInputProps('vendorIds')}
            />
            {canEdit && (
              <Group justify="space-between" mt="sm">
                <ConfirmButton
                  variant="subtle"
                  color="red"
                  question={t('measures.detail.deleteQuestion')}
                  confirmLabel={t('measures.detail.delete')}
                  onConfirm={async () => {
                    await measuresApi.remove(org.slug, measure.id);
                    await queryClient.invalidateQueries({ queryKey: measureKeys.all(org.slug) });
                    await navigate(`/o/${org.slug}/measures`);
                  }}
                >
                  {t('measures.detail.delete')}
                </ConfirmButton>
                <Button type="submit" loading={save.isPending}>
                  {t('measures.detail.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Card>
  );
}

/** The evidence of a measure: files (downloadable), links and notes; add a file, a link or a note. */
function EvidenceCard({ measure }: { measure: TMeasure }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const [file, setFile] = useState<File | null>(null);
  const [link, setLink] = useState('');
  const [note, setNote] = useState('');
  const upload = useMeasureUpdate(measure.id, (ref, chosen: File) =>
    measuresApi.uploadEvidence(ref, measure.id, chosen),
  );
  const add = useMeasureUpdate(measure.id, (ref, body: Parameters<typeof measuresApi.addEvidence>[2]) =>
    measuresApi.addEvidence(ref, measure.id, body),
  );
  const remove = useMeasureUpdate(measure.id, (ref, evidenceId: string) =>
    measuresApi.removeEvidence(ref, measure.id, evidenceId),
  );
  const error = upload.error ?? add.error ?? remove.error;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="measure-evidence-title">
      <Title order={2} size="h4" mb="sm" id="measure-evidence-title">
        {t('measures.evidence.title')}
      </Title>
      {measure.evidence.length === 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('measures.evidence.none')}
        </Text>
      )}
      {measure.evidence.length > 0 && (
        <Table mb="sm" aria-label={t('measures.evidence.title')}>
          <Table.Tbody>
            {measure.evidence.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{t(`measures.evidence.kinds.${item.kind}`)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  {item.kind === 'file' && (
                    <Anchor href={measuresApi.downloadUrl(org.slug, measure.id, item.id)} size="sm">
                      {item.fileName}
                    </Anchor>
                  )}
                  {item.kind === 'link' && (
                    <Anchor href={item.url ?? undefined} target="_blank" rel="noopener noreferrer" size="sm">
                      {item.url}
                    </Anchor>
                  )}
                  {item.note && <Text size="sm">{item.note}</Text>}
                </Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(item.id)}>
                      {t('measures.evidence.remove')}
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
        <Stack gap="sm" mt="sm">
          <Stack gap={6}>
            <FileInput
              label={t('measures.evidence.file')}
              accept={EVIDENCE_MEDIA_TYPES.join(',')}
              value={file}
              onChange={setFile}
              clearable
            />
            <Button
              style={{ alignSelf: 'flex-end' }}
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file, { onSuccess: () => setFile(null) })}
            >
              {t('measures.evidence.upload')}
            </Button>
          </Stack>
          <Stack gap={6}>
            <TextInput
              label={t('measures.evidence.link')}
              type="url"
              value={link}
              onChange={(event) => setLink(event.currentTarget.value)}
            />
            <Button
              style={{ alignSelf: 'flex-end' }}
              variant="default"
              disabled={!link}
              onClick={() => add.mutate({ kind: 'link', url: link }, { onSuccess: () => setLink('') })}
            >
              {t('measures.evidence.addLink')}
            </Button>
          </Stack>
          <Stack gap={6}>
            <Textarea
              label={t('measures.evidence.note')}
              autosize
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <Button
              style={{ alignSelf: 'flex-end' }}
              variant="default"
              disabled={!note.trim()}
              onClick={() => add.mutate({ kind: 'note', note }, { onSuccess: () => setNote('') })}
            >
              {t('measures.evidence.addNote')}
            </Button>
          </Stack>
        </Stack>
      )}
    </Card>
  );
}
