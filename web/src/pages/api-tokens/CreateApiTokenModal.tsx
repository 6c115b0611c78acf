import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import 'dayjs/locale/nl';
import '@mantine/dates/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiTokensApi, type TCreatedApiToken, TOKEN_SCOPES, type TTokenScope } from '../../api/api-tokens.ts';
import { queryKeys } from '../../api/keys.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';

interface TokenValues {
  name: string;
  scopes: TTokenScope[];
  expiresOn: string | null;
}

/** Creates a token; its secret is shown here once and never again. */
export function CreateApiTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);
  const form = useForm<TokenValues>({ initialValues: { name: '', scopes: ['read'], expiresOn: null } });
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);

  const create = useMutation({
    mutationFn: (values: TokenValues) => apiTokensApi.create(org.slug, values),
    meta: { showsOwnErrors: true },
    onSuccess: async (result) => {
      setCreated(result);
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens(org.slug) });
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  const handleClose = () => {
    setCreated(null);
    setFormError(null);
    form.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={handleClose} title={t('apiTokens.create')} size="lg">
      {created ? (
        <Stack>
          <Alert color="yellow" title={t('apiTokens.shownOnceTitle')}>
            {t('apiTokens.shownOnceText')}
          </Alert>
          <CopyField value={created.token} label={t('apiTokens.secret')} />
          <Group justify="flex-end">
            <Button onClick={handleClose}>{t('apiTokens.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFormError(null);
            create.mutate(values);
          })}
        >
          <Stack>
            <FormAlert message={formError} />
            <TextInput
              label={t('apiTokens.name')}
              description={t('apiTokens.nameHint')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Checkbox.Group label={t('apiTokens.scopes')} withAsterisk {...form.getInputProps('scopes')}>
              <Stack gap="xs" mt="xs">
                {TOKEN_SCOPES.map((scope) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={t(`apiTokens.scopeNames.${scope}`)}
                    description={t(`apiTokens.scopeHints.${scope}`)}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <DatesProvider settings={{ locale: currentLocale() }}>
              <DateInput
                label={t('apiTokens.expiresOn')}
                description={t('apiTokens.expiresOnHint')}
                valueFormat="D MMMM YYYY"
                clearable
                minDate={tomorrow}
                {...form.getInputProps('expiresOn')}
              />
            </DatesProvider>
            <Group justify="flex-end">
              <Button variant="default" onClick={handleClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('apiTokens.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
