import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { inventoryApi, type TSystem } from '../../../api/inventory.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCan, useCurrentOrganisation } from '../../../app/organisations.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { Tag } from '../shared/Tag.tsx';
import { SavedLocations } from './LocationsSection.tsx';
import { SystemForm } from './SystemForm.tsx';

/** One system: what it is, which data it holds, and where that data (and its backups) has been since when. */
export default function SystemPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const { systemId } = useParams();
  const isNew = systemId === undefined;
  const system = useQuery({
    queryKey: registerKeys.system(org.slug, systemId ?? ''),
    queryFn: () => inventoryApi.get(org.slug, systemId as string),
    enabled: !isNew,
  });
  const backLink = (
    <Anchor component={Link} to={`/o/${org.slug}/register/systems`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('register.systems.backToList')}
      </Group>
    </Anchor>
  );

  if (isNew) {
    return (
      <Stack gap="xs">
        {backLink}
        <PageHeader title={t('register.systems.newTitle')} description={t('register.systems.newDescription')} />
        <SystemForm system={null} canEdit={canEdit} />
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {backLink}
      <QueryState isPending={system.isPending} error={system.error} />
      {system.data && (
        <>
          <PageHeader
            title={system.data.name}
            description={t(`register.enums.systemKinds.${system.data.kind}`)}
            actions={canEdit && system.data.usage.activities === 0 && <DeleteSystem system={system.data} />}
          />
          <Group gap="xs" mb="md">
            {system.data.status === 'retired' && <Tag color="gray">{t('register.enums.activeStatus.retired')}</Tag>}
            <Text size="sm" c="dimmed">
              {t('register.systems.usedByActivities', { count: system.data.usage.activities })}
            </Text>
          </Group>
          <SystemForm key={system.data.updatedAt} system={system.data} canEdit={canEdit} />
          <section aria-labelledby="locations-title">
            <Title order={2} size="h3" id="locations-title" mt="xl" mb={4}>
              {t('register.systems.locationsTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('register.systems.locationsHelp')}
            </Text>
            <SavedLocations system={system.data} canEdit={canEdit} />
            <Anchor
              component={Link}
              to={`/o/${org.slug}/register/where?systemId=${system.data.id}`}
              size="sm"
              mt="sm"
              display="block"
            >
              {t('register.systems.whereOnDay')}
            </Anchor>
          </section>
        </>
      )}
    </Stack>
  );
}

function DeleteSystem({ system }: { system: TSystem }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => inventoryApi.delete(org.slug, system.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      notifications.show({ color: 'green', message: t('register.common.deleted') });
      navigate(`/o/${org.slug}/register/systems`, { replace: true });
    },
  });
  return (
    <ConfirmButton
      question={t('register.systems.deleteQuestion', { name: system.name })}
      confirmLabel={t('register.common.delete')}
      onConfirm={() => remove.mutateAsync()}
    >
      {t('register.common.delete')}
    </ConfirmButton>
  );
}
