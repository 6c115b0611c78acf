import { Checkbox, Collapse, Group, Radio, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../../components/CountrySelect.tsx';
import { DateField } from '../shared/fields.tsx';
import { TransferCheck } from '../shared/TransferCheck.tsx';
import type { GuidedValues } from './guided-answers.ts';

type Form = UseFormReturnType<GuidedValues>;
const BUSINESS_KINDS = ['freelancer', 'ict_provider', 'webshop', 'other'] as const;
const FACTS = ['hasStaff', 'hasApplicants', 'hasWebshop', 'hasNewsletter'] as const;
const CLIENT_KINDS = ['business', 'private'] as const;
const CONFIRMATIONS = ['yes', 'no', 'unknown'] as const;

/** Step 1: what kind of business, and the facts that add or drop activities. */
export function BusinessQuestions({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Radio.Group label={t('register.guided.businessKind')} {...form.getInputProps('businessKind')}>
        <Stack gap={8} mt={6}>
          {BUSINESS_KINDS.map((kind) => (
            <Radio
              key={kind}
              value={kind}
              label={t(`register.guided.kinds.${kind}`)}
              description={t(`register.guided.kindHelp.${kind}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group label={t('register.guided.clients.question')} {...form.getInputProps('clients')}>
        <Stack gap={8} mt={6}>
          {CLIENT_KINDS.map((kind) => (
            <Radio
              key={kind}
              value={kind}
              label={t(`register.guided.clients.${kind}`)}
              description={t(`register.guided.clients.${kind}Help`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Stack gap="sm">
        {FACTS.map((fact) => (
          <Switch
            key={fact}
            label={t(`register.guided.facts.${fact}`)}
            {...form.getInputProps(fact, { type: 'checkbox' })}
          />
        ))}
        {form.getValues().hasNewsletter && (
          <Checkbox
            pl="xl"
            label={t('register.guided.facts.mailsExistingCustomers')}
            description={t('register.guided.facts.mailsExistingCustomersHelp')}
            {...form.getInputProps('mailsExistingCustomers', { type: 'checkbox' })}
          />
        )}
      </Stack>
    </Stack>
  );
}

/** Step 3's last questions: only a "yes" becomes a measure in the register and a flag on the systems. */
export function SecurityQuestions({ form }: { form: Form }) {
  const { t } = useTranslation();
  const hasBackups = form.getValues().backupProvider.isUsed;
  const questions = hasBackups ? (['mfaOnAllAccounts', 'backupsEncrypted'] as const) : (['mfaOnAllAccounts'] as const);
  return (
    <Stack gap="sm">
      {questions.map((question) => (
        <Radio.Group
          key={question}
          label={t(`register.guided.security.${question}`)}
          description={t('register.guided.security.help')}
          {...form.getInputProps(question)}
        >
          <Group gap="lg" mt={6}>
            {CONFIRMATIONS.map((answer) => (
              <Radio key={answer} value={answer} label={t(`register.guided.security.${answer}`)} />
            ))}
          </Group>
        </Radio.Group>
      ))}
    </Stack>
  );
}

/** One provider: whether there is one, its name, and where it keeps the data. */
export function ProviderQuestion({
  form,
  field,
}: {
  form: Form;
  field: 'mailProvider' | 'accountingPackage' | 'crm' | 'hostingProvider' | 'backupProvider';
}) {
  const { t } = useTranslation();
  const values = form.getValues()[field];
  return (
    <Stack gap="xs">
      <Switch
        label={t(`register.guided.providers.${field}.question`)}
        {...form.getInputProps(`${field}.isUsed`, { type: 'checkbox' })}
      />
      <Collapse expanded={values.isUsed}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} pl={{ base: 0, sm: 'xl' }} pt="xs">
          <TextInput
            label={t(`register.guided.providers.${field}.name`)}
            placeholder={t(`register.guided.providers.${field}.example`)}
            withAsterisk
            {...form.getInputProps(`${field}.name`)}
          />
          <CountrySelect label={t('register.guided.dataCountry')} {...form.getInputProps(`${field}.country`)} />
          <TextInput
            label={t('register.common.region')}
            placeholder={t('register.systems.location.regionPlaceholder')}
            {...form.getInputProps(`${field}.region`)}
          />
        </SimpleGrid>
        {values.isUsed && (
          <Stack pl={{ base: 0, sm: 'xl' }} pt="xs">
            {field !== 'backupProvider' && (
              <DateField
                label={t('register.guided.providerSince')}
                description={t('register.guided.sinceUnknownHelp')}
                maw={260}
                {...form.getInputProps(`${field}.since`)}
              />
            )}
            <TransferCheck country={values.country} safeguard={null} kind="storage" />
          </Stack>
        )}
      </Collapse>
    </Stack>
  );
}

/** Step 3's extra for backups: the offsite copy and since when backups are kept where they are. */
export function BackupDetails({ form }: { form: Form }) {
  const { t } = useTranslation();
  const backup = form.getValues().backupProvider;
  if (!backup.isUsed) return null;
  return (
    <Stack gap="xs" pl={{ base: 0, sm: 'xl' }}>
      <DateField
        label={t('register.guided.backupSince')}
        description={`${t('register.guided.backupSinceHelp')} ${t('register.guided.sinceUnknownHelp')}`}
        maw={260}
        {...form.getInputProps('backupProvider.since')}
      />
      <Checkbox
        label={t('register.guided.hasOffsite')}
        {...form.getInputProps('backupProvider.hasOffsite', { type: 'checkbox' })}
      />
      {backup.hasOffsite && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CountrySelect
            label={t('register.guided.offsiteCountry')}
            {...form.getInputProps('backupProvider.offsiteCountry')}
          />
          <TextInput
            label={t('register.guided.offsiteRegion')}
            placeholder={t('register.systems.location.regionPlaceholder')}
            {...form.getInputProps('backupProvider.offsiteRegion')}
          />
        </SimpleGrid>
      )}
      {backup.hasOffsite && <TransferCheck country={backup.offsiteCountry} safeguard={null} kind="storage" />}
    </Stack>
  );
}
