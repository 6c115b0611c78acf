import { Alert, Box, Button, Group, Loader, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/http.ts';
import { requestKeys, requestsApi, type TPublicRequestPage, type TRequestRight } from '../../api/requests.ts';
import { applyProblem } from '../../app/forms.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { currentLocale, LOCALES, type Locale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { PublicFrame } from './PublicFrame.tsx';
import { solveProofOfWork } from './proof-of-work.ts';

interface FormValues {
  right: TRequestRight | '';
  name: string;
  email: string;
  phone: string;
  description: string;
  locale: Locale;
  website: string;
}

/** Keeps the honeypot out of sight and out of reach for people, screen readers and password managers. */
const HIDDEN: CSSProperties = { position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' };

/** `/p/:slug/request`: a data subject asks an organisation something about their data, without an account. */
export default function PublicRequestPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const page = useQuery({
    queryKey: requestKeys.publicPage(slug),
    queryFn: () => requestsApi.page(slug),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const name = page.data?.organisation.name ?? '';

  if (page.error && isApiError(page.error) && page.error.status === 404)
    return (
      <PublicFrame title={t('requests.confirm.title')}>
        <Alert color="red">{t('requests.public.notFound')}</Alert>
      </PublicFrame>
    );
  if (!page.data)
    return (
      <PublicFrame title={t('requests.desk.title')}>
        <QueryState isPending={page.isPending} error={page.error} />
      </PublicFrame>
    );
  return (
    <PublicFrame title={t('requests.public.title', { organisation: name })}>
      {sentTo ? (
        <Alert color="green" icon={<IconMailCheck size={18} />} title={t('requests.public.sentTitle')} role="status">
          {t('requests.public.sentText', { email: sentTo, hours: page.data.confirmationHours })}
        </Alert>
      ) : (
        <>
          <Intro page={page.data} />
          <RequestForm slug={slug} page={page.data} onSent={setSentTo} />
        </>
      )}
      <WhatHappensNext page={page.data} />
    </PublicFrame>
  );
}

function Intro({ page }: { page: TPublicRequestPage }) {
  const { t } = useTranslation();
  const { name, privacyContactName, privacyContactEmail } = page.organisation;
  const contact = [privacyContactName, privacyContactEmail].filter(Boolean).join(', ');
  return (
    <Stack gap={4}>
      <Text>{t('requests.public.intro', { organisation: name })}</Text>
      {contact && (
        <Text size="sm" c="dimmed">
          {t('requests.public.contact', { contact })}
        </Text>
      )}
    </Stack>
  );
}

function WhatHappensNext({ page }: { page: TPublicRequestPage }) {
  const { t } = useTranslation();
  const organisation = page.organisation.name;
  return (
    <Stack gap={4} component="section" aria-labelledby="next-title">
      <Title order={2} size="h4" id="next-title">
        {t('requests.public.nextTitle')}
      </Title>
      <Text size="sm">{t('requests.public.nextMail', { hours: page.confirmationHours })}</Text>
      <Text size="sm">{t('requests.public.nextAnswer', { organisation })}</Text>
      <Text size="sm">{t('requests.public.nextExtension')}</Text>
    </Stack>
  );
}

function RequestForm({
  slug,
  page,
  onSent,
}: {
  slug: string;
  page: TPublicRequestPage;
  onSent: (email: string) => void;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [isChecking, setIsChecking] = useState(false);
  const leaving = useRef(new AbortController());
  useEffect(() => () => leaving.current.abort(), []);
  const form = useForm<FormValues>({
    initialValues: { right: '', name: '', email: '', phone: '', description: '', locale: currentLocale(), website: '' },
    validate: { right: (value) => (value ? null : t('validation.required')) },
  });

  const submit = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: async (values: FormValues) => {
      setIsChecking(true);
      // A fresh challenge each time: one challenge buys one submission, and it expires.
      const { proof } = await requestsApi.page(slug);
      const nonce = await solveProofOfWork(proof.challenge, proof.difficulty, { signal: leaving.current.signal });
      setIsChecking(false);
      return requestsApi.submit(slug, {
        right: values.right as TRequestRight,
        name: values.name,
        email: values.email,
        ...(values.phone.trim() ? { phone: values.phone } : {}),
        ...(values.description.trim() ? { description: values.description } : {}),
        locale: values.locale,
        proof: { challenge: proof.challenge, nonce },
        ...(values.website ? { website: values.website } : {}),
      });
    },
    onSuccess: (_answer, values) => onSent(values.email.trim()),
    onError: (error) => {
      setIsChecking(false);
      setFormError(applyProblem(form, error));
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        submit.mutate(values);
      })}
    >
      <Stack gap="md">
        <FormAlert message={formError} />
        <Radio.Group label={t('requests.fields.right')} withAsterisk {...form.getInputProps('right')}>
          <Stack gap="sm" mt="xs">
            {page.rights.map((right) => (
              <Radio
                key={right}
                value={right}
                label={t(`requests.rights.${right}`)}
                description={t(`requests.rightHints.${right}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput label={t('requests.fields.name')} required autoComplete="name" {...form.getInputProps('name')} />
        <TextInput
          label={t('requests.fields.email')}
          type="email"
          required
          autoComplete="email"
          {...form.getInputProps('email')}
        />
        <TextInput label={t('requests.fields.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <Textarea
          label={t('requests.fields.description')}
          description={t('requests.fields.descriptionHint')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={5000}
          {...form.getInputProps('description')}
        />
        <Radio.Group label={t('requests.fields.locale')} {...form.getInputProps('locale')}>
          <Group mt="xs">
            {LOCALES.map((locale) => (
              <Radio key={locale} value={locale} label={t(`requests.locales.${locale}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Box style={HIDDEN} aria-hidden="true">
          <TextInput
            label={t('requests.fields.website')}
            name="website"
            tabIndex={-1}
            autoComplete="off"
            {...form.getInputProps('website')}
          />
        </Box>
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {t('requests.public.submit')}
          </Button>
          {isChecking && (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">{t('requests.public.checking')}</Text>
            </Group>
          )}
        </Group>
      </Stack>
    </form>
  );
}
