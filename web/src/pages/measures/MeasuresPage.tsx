import { Anchor, Button, Group, Modal, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MEASURE_STATUSES, measureKeys, measuresApi, type TMeasure, type TMeasureStatus } from '../../api/measures.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useSystemOptions, useVendorOptions } from '../register/shared/options.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { Tag } from '../register/shared/Tag.tsx';
import { FindingsCard, StatusTag, useFindings, useMeasures } from './MeasureParts.tsx';

/** The register of security measures: the findings first, then every measure with its status and evidence. */
export default function MeasuresPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const queryClient = useQueryClient();
  const [isCreating, setIsCreating] = useState(false);
  const list = useMeasures();
  const findings = useFindings();
  const apply = useMutation({
    mutationFn: () => measuresApi.applyCatalogue(org.slug),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measureKeys.all(org.slug) }),
  });
  const exportButton = (format: 'pdf' | 'xlsx') => (
    <Button
      component="a"
      href={measuresApi.exportUrl(org.slug, format, currentLocale())}
      download
      variant="default"
      leftSection={<IconDownload size={16} />}
    >
      {t(`measures.register.export.${format}`)}
    </Button>
  );
  const actions = (
    <Group gap="xs">
      {exportButton('pdf')}
      {exportButton('xlsx')}
      {canEdit && (
        <>
          <Button
            variant="default"
            leftSection={<IconListCheck size={16} />}
            loading={apply.isPending}
            onClick={() => apply.mutate()}
          >
            {t('measures.register.applyCatalogue')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)}>
            {t('measures.register.add')}
          </Button>
        </>
      )}
    </Group>
  );
  return (
    <>
      <PageHeader
        title={t('measures.register.title')}
        description={t('measures.register.description')}
        actions={actions}
      />
      <QueryState isPending={list.isPending || findings.isPending} error={list.error ?? findings.error} />
      {findings.data && list.data && <FindingsCard findings={findings.data} measures={list.data} />}
      {list.isSuccess && list.data.length === 0 && (
        <EmptyState title={t('measures.register.emptyTitle')} description={t('measures.register.emptyText')} />
      )}
      {list.isSuccess && list.data.length > 0 && <MeasuresTable items={list.data} />}
      {canEdit && <AddMeasureModal opened={isCreating} onClose={() => setIsCreating(false)} />}
    </>
  );
}

function MeasuresTable({ items }: { items: TMeasure[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="xs" striped aria-label={t('measures.register.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('measures.register.columns.title')}</Table.Th>
            <Table.Th>{t('measures.register.columns.status')}</Table.Th>
            <Table.Th>{t('measures.register.columns.controls')}</Table.Th>
            <Table.Th>{t('measures.register.columns.links')}</Table.Th>
            <Table.Th>{t('measures.register.columns.reviewDate')}</Table.Th>
            <Table.Th>{t('measures.register.columns.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const links = [...item.systems, ...item.vendors].map((ref) => ref.name);
            return (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={item.id} fw={500} size="sm">
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusTag status={item.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.controls.join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {links.length > 0 ? links.join(', ') : t('measures.register.wholeOrganisation')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.reviewDate ?? '—'}{' '}
                  {item.isReviewOverdue && <Tag color="red">{t('measures.register.overdue')}</Tag>}
                </Table.Td>
                <Table.Td>{item.evidence.length}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface AddValues {
  catalogueKey: string | null;
  title: string;
  status: TMeasureStatus;
  systemIds: string[];
  vendorIds: string[];
}

/** "Maatregel toevoegen": one from the catalogue (not yet in the register) or one of its own; opens its page. */
function AddMeasureModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const catalogue = useQuery({
    queryKey: measureKeys.catalogue(org.slug),
    queryFn: () => measuresApi.catalogue(org.slug),
  });
  const taken = new Set((useMeasures().data ?? []).map((measure) => measure.catalogueKey));
  const systems = useSystemOptions();
  const vendors = useVendorOptions();
  const form = useForm<AddValues>({
    initialValues: { catalogueKey: null, title: '', status: 'planned', systemIds: [], vendorIds: [] },
  });
  const create = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: AddValues) => measuresApi.create(org.slug, values),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: measureKeys.all(org.slug) });
      form.reset();
      onClose();
      void navigate(`/o/${org.slug}/measures/${created.id}`);
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });
  const picker = { searchable: true, clearable: true, hidePickedOptions: true };
  return (
    <Modal opened={opened} onClose={onClose} title={t('measures.create.title')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          create.mutate(values);
        })}
      >
        <Stack gap="sm">
          <FormAlert message={formError} />
          <Select
            label={t('measures.create.catalogue')}
            description={t('measures.create.own')}
            data={(catalogue.data ?? [])
              .filter((entry) => !taken.has(entry.key))
              .map((entry) => ({ value: entry.key, label: `${entry.title} (${entry.controls.join(', ')})` }))}
            searchable
            clearable
            {...form.getInputProps('catalogueKey')}
          />
          {!form.values.catalogueKey && (
            <TextInput label={t('measures.fields.title')} maxLength={200} {...form.getInputProps('title')} />
          )}
          <Select
            label={t('measures.fields.status')}
            data={MEASURE_STATUSES.filter((status) => status !== 'not_applicable').map((value) => ({
              value,
              label: t(`measures.statuses.${value}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <MultiSelect
            label={t('measures.fields.systems')}
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
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('measures.create.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('measures.create.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
