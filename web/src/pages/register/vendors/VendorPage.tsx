import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { registerKeys } from '../../../api/register-keys.ts';
import { type TVendor, vendorsApi } from '../../../api/vendors.ts';
import { useCan, useCurrentOrganisation } from '../../../app/organisations.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay } from '../shared/dates.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { Tag } from '../shared/Tag.tsx';
import { TransferBadge } from '../shared/TransferCheck.tsx';
import { CertificationTags } from './CertificationTags.tsx';
import { VendorForm } from './VendorForm.tsx';

/** One vendor: its details, and retiring (it stays in the history) or deleting it when nothing refers to it. */
export default function VendorPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const { vendorId } = useParams();
  const isNew = vendorId === undefined;
  const vendor = useQuery({
    queryKey: registerKeys.vendor(org.slug, vendorId ?? ''),
    queryFn: () => vendorsApi.get(org.slug, vendorId as string),
    enabled: !isNew,
  });
  const backLink = (
    <Anchor component={Link} to={`/o/${org.slug}/register/vendors`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('register.vendors.backToList')}
      </Group>
    </Anchor>
  );

  if (isNew) {
    return (
      <Stack gap="xs">
        {backLink}
        <PageHeader title={t('register.vendors.newTitle')} description={t('register.vendors.newDescription')} />
        <VendorForm vendor={null} canEdit={canEdit} />
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {backLink}
      <QueryState isPending={vendor.isPending} error={vendor.error} />
      {vendor.data && (
        <>
          <PageHeader
            title={vendor.data.name}
            description={t(`register.enums.vendorKinds.${vendor.data.kind}`)}
            actions={canEdit && <VendorActions vendor={vendor.data} />}
          />
          <VendorStatus vendor={vendor.data} />
          <VendorForm key={vendor.data.updatedAt} vendor={vendor.data} canEdit={canEdit} />
        </>
      )}
    </Stack>
  );
}

function VendorStatus({ vendor }: { vendor: TVendor }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { usage } = vendor;
  return (
    <Stack gap="xs" mb="md">
      <Group gap="xs">
        <TransferBadge transfer={vendor.transfer} />
        {vendor.status === 'retired' && (
          <Tag color="gray">{t('register.vendors.retiredOn', { date: formatDay(vendor.retiredOn, locale) })}</Tag>
        )}
        <Text size="sm" c="dimmed">
          {t('register.vendors.usage', {
            systems: t('register.vendors.usageSystems', { count: usage.systems }),
            locations: t('register.vendors.usageLocations', { count: usage.locations }),
            activities: t('register.vendors.usageActivities', { count: usage.activities }),
            subProcessors: t('register.vendors.usageSubProcessors', { count: usage.subProcessors }),
          })}
        </Text>
      </Group>
      {vendor.certifications.length > 0 && <CertificationTags certifications={vendor.certifications} />}
      {vendor.status === 'retired' && (
        <Alert color="gray" variant="light">
          {t('register.vendors.retiredText')}
        </Alert>
      )}
    </Stack>
  );
}

function VendorActions({ vendor }: { vendor: TVendor }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = async (saved: TVendor) => {
    queryClient.setQueryData(registerKeys.vendor(org.slug, saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
  };
  const retire = useMutation({ mutationFn: () => vendorsApi.retire(org.slug, vendor.id), onSuccess: refresh });
  const reactivate = useMutation({
    mutationFn: () => vendorsApi.update(org.slug, vendor.id, { status: 'active', retiredOn: null }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => vendorsApi.delete(org.slug, vendor.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      notifications.show({ color: 'green', message: t('register.common.deleted') });
      navigate(`/o/${org.slug}/register/vendors`, { replace: true });
    },
  });
  const { usage } = vendor;
  const isInUse = usage.systems + usage.locations + usage.activities + usage.subProcessors > 0;
  return (
    <>
      {vendor.status === 'active' ? (
        <ConfirmButton
          color="orange"
          question={t('register.vendors.retireQuestion', { name: vendor.name })}
          confirmLabel={t('register.vendors.retire')}
          onConfirm={() => retire.mutateAsync()}
        >
          {t('register.vendors.retire')}
        </ConfirmButton>
      ) : (
        <Button size="xs" variant="light" onClick={() => reactivate.mutate()} loading={reactivate.isPending}>
          {t('register.vendors.reactivate')}
        </Button>
      )}
      {!isInUse && (
        <ConfirmButton
          question={t('register.vendors.deleteQuestion', { name: vendor.name })}
          confirmLabel={t('register.common.delete')}
          onConfirm={() => remove.mutateAsync()}
        >
          {t('register.common.delete')}
        </ConfirmButton>
      )}
    </>
  );
}
