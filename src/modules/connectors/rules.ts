import type { FieldError } from '../../platform/errors.ts';

/**
 * Pure rules for connector settings: which part is secret (sealed at rest, never returned), how an update merges
 * with what is stored, and how a kind's schema errors become field errors of the request.
 */

export type Settings = Record<string, unknown>;

/** Splits settings into what may be stored and shown, and the secret fields (absent ones left out). */
export function splitSecrets(
  settings: Settings,
  secretFields: readonly string[],
): { visible: Settings; secrets: Record<string, string> } {
  const visible: Settings = {};
  const secrets: Record<string, string> = {};
  for (const [field, value] of Object.entries(settings)) {
    if (!secretFields.includes(field)) visible[field] = value;
    else if (typeof value === 'string' && value !== '') secrets[field] = value;
  }
  return { visible, secrets };
}

/**
 * The settings after an update: given fields replace stored ones; a secret that is left out, null or empty keeps
 * the stored secret (the form never receives it, so it cannot send it back).
 */
export function mergeSettings(
  stored: { visible: Settings; secrets: Record<string, string> },
  update: Settings,
  secretFields: readonly string[],
): Settings {
  // A secret never stored (a database that trusts the connection needs no password) is the empty string.
  const noSecrets = Object.fromEntries(secretFields.map((field) => [field, '']));
  const merged: Settings = { ...stored.visible, ...noSecrets, ...stored.secrets };
  for (const [field, value] of Object.entries(update)) {
    const keepsSecret = secretFields.includes(field) && (value === null || value === undefined || value === '');
    if (!keepsSecret) merged[field] = value;
  }
  return merged;
}

/** For each secret field of the kind, whether a value is stored. */
export function secretPresence(
  secretFields: readonly string[],
  secrets: Record<string, string>,
): Record<string, boolean> {
  return Object.fromEntries(secretFields.map((field) => [field, Boolean(secrets[field])]));
}

/** The names of the visible settings that an update changes (for the audit trail: never values, never secrets). */
export function changedSettings(before: Settings, after: Settings, secretFields: readonly string[]): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) =>
      secretFields.includes(field)
        ? before[field] !== after[field]
        : JSON.stringify(before[field]) !== JSON.stringify(after[field]),
    )
    .sort();
}

/** Field errors of a nested part of a request (`settings`, `definition`) get the part's name in front. */
export function underPath(prefix: string, errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => ({ ...error, path: error.path ? `${prefix}.${error.path}` : prefix }));
}
