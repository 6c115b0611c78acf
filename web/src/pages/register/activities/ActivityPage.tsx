import { Anchor, Box, Grid, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { activitiesApi, type TActivity } from '../../../api/activities.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCan, useCurrentOrganisation } from '../../../app/organisations.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { CompletenessPanel, CompletenessSummary } from './CompletenessPanel.tsx';

/** One processing activity: the Art. 30 form with its completeness check beside it (below it on a phone). */
export default function ActivityPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const { activityId } = useParams();
  const isNew = activityId === undefined;
  const activity = useQuery({
    queryKey: registerKeys.activity(org.slug, activityId ?? ''),
    queryFn: () => activitiesApi.get(org.slug, activityId as string),
    enabled: !isNew,
  });
  const data = activity.data ?? null;

  return (
    <Stack gap="xs">
      <Anchor component={Link} to={`/o/${org.slug}/register/activities`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('register.activity.backToList')}
        </Group>
      </Anchor>
      {!isNew && <QueryState isPending={activity.isPending} error={activity.error} />}
      {(isNew || data) && (
        <>
          <PageHeader
            title={data ? data.name : t('register.activity.newTitle')}
            description={t(data ? `register.enums.activityRoles.${data.role}` : 'register.activity.newDescription')}
            actions={data && canEdit && <DeleteActivity activity={data} />}
          />
          {data && (
            <Box hiddenFrom="md" mb="xs">
              <CompletenessSummary activityId={data.id} />
            </Box>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <ActivityForm key={data?.updatedAt ?? 'new'} activity={data} canEdit={canEdit} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Box pos={{ md: 'sticky' }} top={72}>
                <CompletenessPanel activityId={data?.id ?? null} />
              </Box>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

function DeleteActivity({ activity }: { activity: TActivity }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => activitiesApi.delete(org.slug, activity.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      notifications.show({ color: 'green', message: t('register.common.deleted') });
      navigate(`/o/${org.slug}/register/activities`, { replace: true });
    },
  });
  return (
    <ConfirmButton
      question={t('register.activity.deleteQuestion', { name: activity.name })}
      confirmLabel={t('register.common.delete')}
      onConfirm={() => remove.mutateAsync()}
    >
      {t('register.common.delete')}
    </ConfirmButton>
  );
}
