/** The identity module's public face: other modules, routes, the CLI and jobs use these and nothing deeper. */

export { countUsers, findUserByEmail, findUserById, findUsersByIds, hasDemoUsers } from './store.ts';
export { assertAcceptablePassword, createUser } from './use-cases/create-user.ts';
export { changePassword, confirmPasswordReset, requestPasswordReset } from './use-cases/passwords.ts';
export { presentUser } from './use-cases/present.ts';
export { getProfile, sessionState, updateProfile, userNames } from './use-cases/profile.ts';
export {
  type Device,
  listSessions,
  resolveSession,
  revokeOtherSessions,
  revokeOwnSession,
  signOut,
  startSession,
} from './use-cases/sessions.ts';
export { completeSecondFactor, signIn } from './use-cases/sign-in.ts';
export {
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from './use-cases/two-factor.ts';
