import {
  type DpfFacts,
  isCoveredVerdict,
  isDpfCertifiedOn,
  isDpfUndated,
  judgeTransfer,
  type ScopeAnswer,
  type TransferImpactAssessment,
  type TransferKind,
  type TransferVerdict,
} from '../../shared/transfer-check.ts';
import type { Finding } from './rules.ts';

/**
 * Art. 30(1)(e) / 30(2)(c) with Chapter V: every destination outside the EEA — including onward transfers by
 * sub-processors — must be adequate on the day (an adequacy decision in force and, where its scope is limited, the
 * organisation's confirmation that the recipient falls inside; for the US a recipient DPF-certified on that day, for
 * HR data with HR data in scope) or covered by a safeguard: SCCs and BCRs with a transfer impact assessment, an
 * Art. 49 derogation only for an occasional transfer and with its details documented. Pure: `today` is a parameter.
 */
export interface DestinationFacts {
  /** What a person recognises: "Offsite backup of Mail", a vendor's name. */
  label: string;
  country: string;
  kind: TransferKind;
  safeguard: string | null;
  safeguardDetails: string;
  transferImpactAssessment: TransferImpactAssessment | null;
  /** The holder's DPF certification, judged on the day. */
  dpf: DpfFacts | null;
  /** The activity concerns the organisation's own staff or applicants (DPF: HR data). */
  isHrData: boolean;
  /** The answer to the country's scope question, when its decision has one. */
  scopeAnswer: ScopeAnswer;
}

/** The verdict on one destination of an activity, on a day. */
export function judgeDestination(destination: DestinationFacts, today: string) {
  return judgeTransfer(
    {
      country: destination.country,
      kind: destination.kind,
      isDpfCertified: isDpfCertifiedOn(destination.dpf, today, destination.isHrData),
      isDpfUndated: isDpfUndated(destination.dpf),
      safeguard: destination.safeguard,
      safeguardDetails: destination.safeguardDetails,
      transferImpactAssessment: destination.transferImpactAssessment,
      scopeAnswer: destination.scopeAnswer,
    },
    today,
  );
}

const FINDING_OF: Partial<Record<TransferVerdict, { status: 'missing' | 'warning'; code: string }>> = {
  safeguard_missing: { status: 'missing', code: 'transfer_safeguard_missing' },
  dpf_undated: { status: 'missing', code: 'transfer_dpf_undated' },
  scope_unconfirmed: { status: 'warning', code: 'transfer_scope_unconfirmed' },
  derogation_not_occasional: { status: 'warning', code: 'transfer_derogation_not_occasional' },
  derogation_undocumented: { status: 'warning', code: 'transfer_derogation_undocumented' },
  tia_missing: { status: 'warning', code: 'transfer_tia_missing' },
};

/** A US holder certified that day, but without HR data in its scope: say so rather than "no safeguard". */
function isHrOutOfDpfScope(destination: DestinationFacts, today: string): boolean {
  return (
    destination.isHrData && isDpfCertifiedOn(destination.dpf, today) && !isDpfCertifiedOn(destination.dpf, today, true)
  );
}

/**
 * One finding per destination that is not covered (naming it), and one complete finding when every destination
 * outside the EEA is covered. A warning (a derogation for storage, SCCs without a TIA, an unconfirmed scope) is not
 * "covered": the complete finding is then left out.
 */
export function transferFindings(
  itemId: string,
  article: string,
  activity: string,
  destinations: readonly DestinationFacts[],
  today: string,
): Finding[] {
  const at = { itemId, article };
  const outside = destinations
    .map((destination) => ({ destination, ...judgeDestination(destination, today) }))
    .filter(({ verdict }) => verdict !== 'eea');
  if (outside.length === 0) return [{ ...at, status: 'complete', code: 'no_transfers', params: { activity } }];
  const findings: Finding[] = [];
  for (const { destination, check, verdict } of outside) {
    const found = FINDING_OF[verdict];
    if (!found) continue;
    const params = { activity, destination: destination.label, country: check.country ?? destination.country };
    const code =
      verdict === 'safeguard_missing' && isHrOutOfDpfScope(destination, today)
        ? 'transfer_dpf_hr_not_in_scope'
        : found.code;
    findings.push({ ...at, status: found.status, code, params });
  }
  if (outside.every(({ verdict }) => isCoveredVerdict(verdict) || verdict === 'invalid_country')) {
    findings.unshift({
      ...at,
      status: 'complete',
      code: 'transfers_covered',
      params: { activity, count: outside.length },
    });
  }
  return findings;
}

/**
 * A vendor that holds data outside the EEA but that no activity uses (not a recipient, not running or hosting one of
 * their systems, not a sub-processor of one that does): the register does not say whose data goes there.
 */
export function unlinkedVendorFindings(
  itemId: string,
  article: string,
  vendors: readonly { name: string; country: string }[],
): Finding[] {
  return vendors.map((vendor) => ({
    itemId,
    article,
    status: 'warning',
    code: 'vendor_outside_eea_unlinked',
    params: { vendor: vendor.name, country: vendor.country },
  }));
}
