import type { z } from 'zod';
import type {
  TSessionState,
  TUpdateProfileRequest,
  TUser,
  ZChangePasswordRequest,
  ZPasswordResetConfirmRequest,
  ZRecoveryCodes,
  ZSecondFactorRequest,
  ZSessionList,
  ZSignInRequest,
  ZSignInResponse,
  ZTotpEnrolment,
} from '../../../src/modules/identity/contract.ts';
import { http, rememberCsrfToken } from './http.ts';

export type TSignInResponse = z.infer<typeof ZSignInResponse>;
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolment>;
export type TSessionList = z.infer<typeof ZSessionList>;
export type { TSession, TSessionState, TUser } from '../../../src/modules/identity/contract.ts';

/** Every session state that arrives carries the CSRF token for the next write. */
function keepCsrf(state: TSessionState): TSessionState {
  rememberCsrfToken(state.csrfToken);
  return state;
}

export const identityApi = {
  session: async () => keepCsrf(await http.get<TSessionState>('/api/auth/session')),
  signIn: async (body: z.input<typeof ZSignInRequest>) => {
    const response = await http.post<TSignInResponse>('/api/auth/sign-in', body);
    keepCsrf(response.session);
    return response;
  },
  secondFactor: async (body: z.input<typeof ZSecondFactorRequest>) =>
    keepCsrf(await http.post<TSessionState>('/api/auth/second-factor', body)),
  signOut: () => http.post<void>('/api/auth/sign-out'),
  requestPasswordReset: (email: string) => http.post<void>('/api/auth/password-reset', { email }),
  confirmPasswordReset: (body: z.input<typeof ZPasswordResetConfirmRequest>) =>
    http.post<void>('/api/auth/password-reset/confirm', body),
  me: () => http.get<TUser>('/api/me'),
  updateProfile: (body: TUpdateProfileRequest) => http.patch<TUser>('/api/me', body),
  changePassword: (body: z.input<typeof ZChangePasswordRequest>) => http.post<void>('/api/me/password', body),
  startTotpEnrolment: () => http.post<TTotpEnrolment>('/api/me/totp/enrolment'),
  confirmTotpEnrolment: (code: string) =>
    http.post<z.infer<typeof ZRecoveryCodes>>('/api/me/totp/enrolment/confirm', { code }),
  disableTotp: (password: string) => http.post<void>('/api/me/totp/disable', { password }),
  regenerateRecoveryCodes: (password: string) =>
    http.post<z.infer<typeof ZRecoveryCodes>>('/api/me/recovery-codes', { password }),
  sessions: () => http.get<TSessionList>('/api/me/sessions'),
  revokeSession: (sessionId: string) => http.delete<void>(`/api/me/sessions/${encodeURIComponent(sessionId)}`),
  revokeOtherSessions: () => http.post<{ revoked: number }>('/api/me/sessions/revoke-others'),
};
