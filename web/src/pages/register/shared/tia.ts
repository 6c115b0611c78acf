import type { TTransferImpactAssessment } from '../../../../../src/shared/lists.ts';

/** A transfer impact assessment as a form edits it: two texts, both empty when there is none. */
export interface TiaValues {
  tiaAssessedOn: string;
  tiaReference: string;
}

export const emptyTia = (): TiaValues => ({ tiaAssessedOn: '', tiaReference: '' });

export function tiaValuesOf(tia: TTransferImpactAssessment | null): TiaValues {
  return { tiaAssessedOn: tia?.assessedOn ?? '', tiaReference: tia?.reference ?? '' };
}

/** SCCs and BCRs count as covered only with a TIA; other safeguards do not ask for one. */
export function asksForTia(safeguard: string | null): boolean {
  return safeguard === 'scc' || safeguard === 'bcr';
}

/** The request's TIA: none when the safeguard asks for none or both fields are empty (the server reports one half). */
export function toTiaInput(values: TiaValues, safeguard: string | null): TTransferImpactAssessment | null {
  if (!asksForTia(safeguard)) return null;
  const assessedOn = values.tiaAssessedOn.trim();
  const reference = values.tiaReference.trim();
  return assessedOn === '' && reference === '' ? null : { assessedOn, reference };
}
