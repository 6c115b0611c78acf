import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconUserEdit } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activitiesApi, type TActivity, type TBulkUpdateActivitiesInput } from '../../../api/activities.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { describeError } from '../../../app/query-client.ts';
import { DateField } from '../shared/fields.tsx';
import { ModalForm } from '../shared/ModalForm.tsx';
import { useMemberOptions } from '../shared/options.ts';

type Change = Omit<TBulkUpdateActivitiesInput, 'activityIds'>;

function useBulkUpdate(onDone: () => void) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBulkUpdateActivitiesInput) => activitiesApi.bulkUpdate(org.slug, body),
    meta: { showsOwnErrors: true },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      notifications.show({ color: 'green', message: t('register.activities.bulk.done', { count: result.updated }) });
      onDone();
    },
  });
}

/** Owner and review date for the selected activities: only what is filled in changes. */
function OwnerAndReviewModal({
  selected,
  opened,
  onClose,
  onDone,
}: {
  selected: TActivity[];
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const members = useMemberOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { ownerUserId: null as string | null, reviewDate: '' } });
  const update = useBulkUpdate(() => {
    form.reset();
    onClose();
    onDone();
  });
  const handleSubmit = form.onSubmit((values) => {
    const change: Change = {
      ...(values.ownerUserId ? { ownerUserId: values.ownerUserId } : {}),
      ...(values.reviewDate ? { reviewDate: values.reviewDate } : {}),
    };
    setFormError(null);
    update.mutate(
      { activityIds: selected.map((activity) => activity.id), ...change },
      { onError: (error) => setFormError(applyProblem(form, error)) },
    );
  });
  return (
    <ModalForm
      opened={opened}
      onClose={onClose}
      title={t('register.activities.bulk.ownerTitle', { count: selected.length })}
      error={formError}
      onSubmit={handleSubmit}
      isPending={update.isPending}
      submitLabel={t('register.activities.bulk.apply')}
    >
      <Text size="sm" c="dimmed">
        {t('register.activities.bulk.ownerHelp')}
      </Text>
      <Select
        label={t('register.activity.fields.owner')}
        data={members}
        searchable
        clearable
        data-autofocus
        {...form.getInputProps('ownerUserId')}
      />
      <DateField label={t('register.activity.fields.reviewDate')} {...form.getInputProps('reviewDate')} />
    </ModalForm>
  );
}

/** What can be done to the selected activities at once: set owner and review date, confirm the drafts. */
export function BulkActions({ selected, onDone }: { selected: TActivity[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [isOwnerOpen, setOwnerOpen] = useState(false);
  const drafts = selected.filter((activity) => activity.status === 'draft');
  const confirm = useBulkUpdate(onDone);
  if (selected.length === 0) return null;
  return (
    <Paper withBorder p="xs" role="region" aria-label={t('register.activities.bulk.region')}>
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={500}>
          {t('register.activities.bulk.selected', { count: selected.length })}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconUserEdit size={14} />} onClick={() => setOwnerOpen(true)}>
            {t('register.activities.bulk.setOwner')}
          </Button>
          {drafts.length > 0 && (
            <Button
              size="xs"
              variant="light"
              color="teal"
              leftSection={<IconCircleCheck size={14} />}
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(
                  { activityIds: drafts.map((activity) => activity.id), status: 'active' },
                  { onError: (error) => notifications.show({ color: 'red', message: describeError(error) }) },
                )
              }
            >
              {t('register.activities.bulk.confirmDrafts', { count: drafts.length })}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="gray" onClick={onDone}>
            {t('register.activities.bulk.clear')}
          </Button>
        </Group>
      </Group>
      <OwnerAndReviewModal
        selected={selected}
        opened={isOwnerOpen}
        onClose={() => setOwnerOpen(false)}
        onDone={onDone}
      />
    </Paper>
  );
}
