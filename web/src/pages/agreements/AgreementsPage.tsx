import { Anchor, Button, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { agreementKeys, agreementsApi, type TAgreement } from '../../api/agreements.ts';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi } from '../../api/organisations.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useVendorOptions } from '../register/shared/options.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { AgreementStatusTag, CoverageCard, useCoverage } from './AgreementParts.tsx';

/** Processor agreements with suppliers and clients: coverage first, then every agreement with its status. */
export default function AgreementsPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const [isCreating, setIsCreating] = useState(false);
  const list = useQuery({ queryKey: agreementKeys.list(org.slug), queryFn: () => agreementsApi.list(org.slug) });
  const coverage = useCoverage();
  return (
    <>
      <PageHeader
        title={t('agreements.register.title')}
        description={t('agreements.register.description')}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)}>
              {t('agreements.register.add')}
            </Button>
          )
        }
      />
      <QueryState isPending={list.isPending || coverage.isPending} error={list.error ?? coverage.error} />
      {coverage.data && <CoverageCard coverage={coverage.data} />}
      {list.isSuccess && list.data.length === 0 && (
        <EmptyState title={t('agreements.register.emptyTitle')} description={t('agreements.register.emptyText')} />
      )}
      {list.isSuccess && list.data.length > 0 && <AgreementsTable items={list.data} />}
      {canEdit && <AddAgreementModal opened={isCreating} onClose={() => setIsCreating(false)} />}
    </>
  );
}

function AgreementsTable({ items }: { items: TAgreement[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('agreements.register.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agreements.fields.counterparty')}</Table.Th>
            <Table.Th>{t('agreements.fields.direction')}</Table.Th>
            <Table.Th>{t('agreements.fields.status')}</Table.Th>
            <Table.Th>{t('agreements.fields.endDate')}</Table.Th>
            <Table.Th>{t('agreements.register.missing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((agreement) => (
            <Table.Tr key={agreement.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${org.slug}/register/agreements/${agreement.id}`}>
                  {agreement.title || agreement.counterparty.name || t('agreements.register.untitled')}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`agreements.directions.${agreement.direction}`)}</Table.Td>
              <Table.Td>
                <AgreementStatusTag status={agreement.status} />
              </Table.Td>
              <Table.Td>{agreement.endDate ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm">{agreement.missingItems.length}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface NewAgreement {
  direction: 'supplier' | 'client';
  vendorId: string | null;
  clientOrgId: string | null;
  externalName: string;
  externalContact: string;
  title: string;
}

function AddAgreementModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const vendors = useVendorOptions();
  const clients = useQuery({
    queryKey: queryKeys.clients(org.slug),
    queryFn: () => organisationsApi.clients(org.slug),
    enabled: opened,
  });
  const form = useForm<NewAgreement>({
    initialValues: {
      direction: 'supplier',
      vendorId: null,
      clientOrgId: null,
      externalName: '',
      externalContact: '',
      title: '',
    },
  });
  const create = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (values: NewAgreement) => agreementsApi.create(org.slug, values),
    onSuccess: async (agreement) => {
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all(org.slug) });
      await navigate(`/o/${org.slug}/register/agreements/${agreement.id}`);
    },
  });
  const isSupplier = form.values.direction === 'supplier';
  return (
    <Modal opened={opened} onClose={onClose} title={t('agreements.register.add')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          create.mutate(values, { onError: (error) => setFormError(applyProblem(form, error)) });
        })}
      >
        <Stack gap="sm">
          <FormAlert message={formError} />
          <Select
            label={t('agreements.fields.direction')}
            data={(['supplier', 'client'] as const).map((value) => ({
              value,
              label: t(`agreements.directions.${value}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('direction')}
          />
          {isSupplier && (
            <Select
              label={t('agreements.fields.vendor')}
              data={vendors}
              searchable
              {...form.getInputProps('vendorId')}
            />
          )}
          {!isSupplier && (clients.data?.length ?? 0) > 0 && (
            <Select
              label={t('agreements.fields.clientOrg')}
              description={t('agreements.fields.clientOrgHint')}
              data={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
              clearable
              {...form.getInputProps('clientOrgId')}
            />
          )}
          {!isSupplier && !form.values.clientOrgId && (
            <>
              <TextInput
                label={t('agreements.fields.externalName')}
                maxLength={200}
                {...form.getInputProps('externalName')}
              />
              <TextInput
                label={t('agreements.fields.externalContact')}
                maxLength={500}
                {...form.getInputProps('externalContact')}
              />
            </>
          )}
          <TextInput label={t('agreements.fields.title')} maxLength={200} {...form.getInputProps('title')} />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-end' }}>
            {t('agreements.register.create')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
