import { classifyDestination, needsSafeguard } from '../../shared/transfer-check.ts';
import type { Finding } from './rules.ts';

/**
 * Art. 30(1)(e) / 30(2)(c): every destination outside the EEA must be adequate on the day (an adequacy decision in
 * force, for the US a DPF-certified recipient) or have a recorded safeguard. Pure: `today` is a parameter.
 */
export interface DestinationFacts {
  /** What a person recognises: "Offsite backup of Mail", a vendor's name. */
  label: string;
  country: string;
  safeguard: string | null;
  safeguardDetails: string;
  isDpfCertified: boolean;
}

/** One finding per failing destination (naming it), or one complete finding when every transfer is covered. */
export function transferFindings(
  itemId: string,
  article: string,
  activity: string,
  destinations: readonly DestinationFacts[],
  today: string,
): Finding[] {
  const at = { itemId, article };
  const outside = destinations
    .map((destination) => ({
      destination,
      check: classifyDestination(destination.country, { isDpfCertified: destination.isDpfCertified, on: today }),
    }))
    .filter(({ check }) => check.status !== 'eea');
  if (outside.length === 0) return [{ ...at, status: 'complete', code: 'no_transfers', params: { activity } }];
  const findings: Finding[] = [];
  for (const { destination, check } of outside) {
    const params = { activity, destination: destination.label, country: check.country ?? destination.country };
    if (needsSafeguard(check, destination.safeguard)) {
      findings.push({ ...at, status: 'missing', code: 'transfer_safeguard_missing', params });
    } else if (destination.safeguard === 'derogation' && destination.safeguardDetails.trim() === '') {
      // Art. 30(1)(e): a derogation under Art. 49(1) second subparagraph needs its safeguards documented.
      findings.push({ ...at, status: 'warning', code: 'transfer_derogation_undocumented', params });
    }
  }
  if (!findings.some((item) => item.status === 'missing')) {
    findings.unshift({
      ...at,
      status: 'complete',
      code: 'transfers_covered',
      params: { activity, count: outside.length },
    });
  }
  return findings;
}
