import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi, type TAcceptInvitationInput } from '../../api/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { useSessionState } from '../../app/session.ts';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { NewAccountForm } from './NewAccountForm.tsx';

/** /invitations/:token — join the organisation: signed in as the invited address, or with a new account. */
export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user, isFullyAuthenticated } = useSessionState();
  const [formError, setFormError] = useState<string | null>(null);
  const preview = useQuery({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: () => organisationsApi.previewInvitation(token),
  });

  const accept = useMutation({
    mutationFn: (body: TAcceptInvitationInput) => organisationsApi.acceptInvitation(token, body),
    meta: { showsOwnErrors: true },
    onSuccess: async ({ organisation }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
      await queryClient.invalidateQueries({ queryKey: queryKeys.myOrganisations });
      navigate(`/o/${organisation.slug}`);
    },
  });

  if (preview.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (preview.isError)
    return (
      <AuthLayout title={t('invitations.accept.title')}>
        <Alert color="red">{describeError(preview.error)}</Alert>
        <Button component={Link} to="/" variant="light">
          {t('common.toHome')}
        </Button>
      </AuthLayout>
    );

  const invitation = preview.data;
  const here = `/invitations/${encodeURIComponent(token)}`;
  const isSignedIn = user !== null && isFullyAuthenticated;
  return (
    <AuthLayout title={t('invitations.accept.title')} width={480}>
      <Text>
        <Trans
          i18nKey="invitations.accept.summary"
          values={{ organisation: invitation.organisationName, role: t(`roles.${invitation.role}`) }}
          components={{ strong: <strong /> }}
        />
      </Text>
      {isSignedIn ? (
        <Stack>
          <FormAlert message={formError} />
          <Text size="sm" c="dimmed">
            {t('invitations.accept.signedInAs', { email: user.email })}
          </Text>
          <Button
            onClick={() => {
              setFormError(null);
              accept.mutate({}, { onError: (error) => setFormError(describeError(error)) });
            }}
            loading={accept.isPending}
          >
            {t('invitations.accept.submit')}
          </Button>
        </Stack>
      ) : invitation.hasAccount ? (
        <Stack>
          <Text size="sm">{t('invitations.accept.signInFirst', { email: invitation.email })}</Text>
          <Button component={Link} to={`/sign-in?next=${encodeURIComponent(here)}`}>
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      ) : (
        <NewAccountForm email={invitation.email} locale={currentLocale()} onSubmit={accept.mutateAsync} />
      )}
    </AuthLayout>
  );
}
