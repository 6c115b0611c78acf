import { Group, MultiSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../../api/keys.ts';
import { organisationsApi } from '../../../../api/organisations.ts';
import { useCurrentOrganisation } from '../../../../app/organisations.ts';
import { AddRowButton, RemoveRowButton } from '../../../../components/RowButtons.tsx';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/** The client organisations this one manages, as picker options with their contact details. */
function useClientOptions() {
  const org = useCurrentOrganisation();
  const clients = useQuery({
    queryKey: queryKeys.clients(org.slug),
    queryFn: () => organisationsApi.clients(org.slug),
  });
  return (clients.data ?? []).map((client) => ({ value: client.id, label: client.name, contact: client.contact }));
}

/**
 * Art. 30(2)(a) and (b): each controller on whose behalf we process — client organisations we manage (their details
 * come from their own settings) and external controllers with name and contact details — and what we do for them.
 */
export function ControllerSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const clients = useClientOptions();
  const { externalControllers, managedControllerIds } = form.getValues();
  const picked = clients.filter((client) => managedControllerIds.includes(client.value));
  return (
    <FormSection
      id="controller"
      title={t('register.activity.sections.controller')}
      article={t('register.activity.articles.controller')}
      help={t('register.activity.help.controller')}
    >
      {clients.length > 0 && (
        <MultiSelect
          label={t('register.activity.fields.managedControllers')}
          description={t('register.activity.help.managedControllers')}
          data={clients}
          searchable
          {...form.getInputProps('managedControllerIds')}
        />
      )}
      {picked.map((client) => (
        <Text key={client.value} size="xs" c={client.contact ? 'dimmed' : 'red'}>
          {client.label}: {client.contact || t('register.activity.clientWithoutContact')}
        </Text>
      ))}
      {externalControllers.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole; the position is the row
        <Paper key={index} withBorder p="sm" radius="sm">
          <Group align="flex-end" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
              <TextInput
                label={t('register.activity.fields.externalControllerName')}
                withAsterisk
                {...form.getInputProps(`externalControllers.${index}.name`)}
              />
              <TextInput
                label={t('register.activity.fields.controllerContact')}
                description={t('register.activity.help.controllerContact')}
                withAsterisk
                {...form.getInputProps(`externalControllers.${index}.contact`)}
              />
            </SimpleGrid>
            <RemoveRowButton
              label={t('register.activity.removeController', { number: index + 1 })}
              onClick={() => form.removeListItem('externalControllers', index)}
            />
          </Group>
        </Paper>
      ))}
      <AddRowButton
        label={t('register.activity.addExternalController')}
        onClick={() => form.insertListItem('externalControllers', { name: '', contact: '' })}
      />
      <Textarea
        label={t('register.activity.fields.processingCategories')}
        description={t('register.activity.help.processingCategories')}
        autosize
        minRows={2}
        {...form.getInputProps('processingCategories')}
      />
    </FormSection>
  );
}

/** Art. 26 and Art. 30(1)(a): the joint controllers of one of our own activities, and the arrangement with each. */
export function JointControllersSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const { jointControllers } = form.getValues();
  return (
    <FormSection
      id="joint-controllers"
      title={t('register.activity.sections.jointControllers')}
      article={t('register.activity.articles.jointControllers')}
      help={t('register.activity.help.jointControllers')}
    >
      {jointControllers.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole; the position is the row
        <Paper key={index} withBorder p="sm" radius="sm">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('register.activity.fields.jointControllerName')}
                withAsterisk
                {...form.getInputProps(`jointControllers.${index}.name`)}
              />
              <TextInput
                label={t('register.activity.fields.jointControllerContact')}
                withAsterisk
                {...form.getInputProps(`jointControllers.${index}.contact`)}
              />
            </SimpleGrid>
            <Textarea
              label={t('register.activity.fields.jointArrangement')}
              description={t('register.activity.help.jointArrangement')}
              autosize
              minRows={2}
              {...form.getInputProps(`jointControllers.${index}.arrangement`)}
            />
            <Group justify="flex-end">
              <RemoveRowButton
                label={t('register.activity.removeJointController', { number: index + 1 })}
                onClick={() => form.removeListItem('jointControllers', index)}
              />
            </Group>
          </Stack>
        </Paper>
      ))}
      <AddRowButton
        label={t('register.activity.addJointController')}
        onClick={() => form.insertListItem('jointControllers', { name: '', contact: '', arrangement: '' })}
      />
    </FormSection>
  );
}
