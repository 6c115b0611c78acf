import type { TGuidedStartInput } from '../../../api/onboarding.ts';

/** A provider question's answer: whether there is one, who, where it keeps the data and since when. */
export interface ProviderValues {
  isUsed: boolean;
  name: string;
  country: string;
  region: string;
  /** Empty: not known — the register asks for it later instead of assuming today. */
  since: string;
}

export interface BackupValues extends ProviderValues {
  hasOffsite: boolean;
  offsiteCountry: string;
  offsiteRegion: string;
}

/** A security question: only a "yes" is written into the register as a measure. */
export type Confirmation = 'yes' | 'no' | 'unknown';

export interface GuidedValues {
  businessKind: TGuidedStartInput['businessKind'];
  hasStaff: boolean;
  hasApplicants: boolean;
  hasWebshop: boolean;
  hasNewsletter: boolean;
  mailsExistingCustomers: boolean;
  clients: 'business' | 'private';
  mfaOnAllAccounts: Confirmation;
  backupsEncrypted: Confirmation;
  mailProvider: ProviderValues;
  accountingPackage: ProviderValues;
  crm: ProviderValues;
  hostingProvider: ProviderValues;
  backupProvider: BackupValues;
}

export const PROVIDER_QUESTIONS = ['mailProvider', 'accountingPackage', 'crm', 'hostingProvider'] as const;

const noProvider = (): ProviderValues => ({ isUsed: false, name: '', country: 'NL', region: '', since: '' });

export const emptyGuidedValues = (): GuidedValues => ({
  businessKind: 'freelancer',
  hasStaff: false,
  hasApplicants: false,
  hasWebshop: false,
  hasNewsletter: false,
  mailsExistingCustomers: false,
  clients: 'business',
  mfaOnAllAccounts: 'unknown',
  backupsEncrypted: 'unknown',
  mailProvider: noProvider(),
  accountingPackage: noProvider(),
  crm: noProvider(),
  hostingProvider: noProvider(),
  backupProvider: { ...noProvider(), hasOffsite: false, offsiteCountry: 'DE', offsiteRegion: '' },
});

const sinceAnswer = (since: string) => (since === '' ? null : since);
const providerAnswer = (values: ProviderValues) =>
  values.isUsed
    ? { name: values.name, country: values.country, region: values.region, since: sinceAnswer(values.since) }
    : null;
const confirmed = (answer: Confirmation) => (answer === 'unknown' ? null : answer === 'yes');

/** The answers as the API takes them: a provider nobody named is null. */
export function toGuidedAnswers(values: GuidedValues): TGuidedStartInput {
  const backup = values.backupProvider;
  return {
    businessKind: values.businessKind,
    hasStaff: values.hasStaff,
    hasApplicants: values.hasApplicants,
    hasWebshop: values.hasWebshop,
    hasNewsletter: values.hasNewsletter,
    mailsExistingCustomers: values.hasNewsletter && values.mailsExistingCustomers,
    clients: values.clients,
    security: {
      mfaOnAllAccounts: confirmed(values.mfaOnAllAccounts),
      backupsEncrypted: backup.isUsed ? confirmed(values.backupsEncrypted) : null,
    },
    mailProvider: providerAnswer(values.mailProvider),
    accountingPackage: providerAnswer(values.accountingPackage),
    crm: providerAnswer(values.crm),
    hostingProvider: providerAnswer(values.hostingProvider),
    backupProvider: backup.isUsed
      ? {
          name: backup.name,
          country: backup.country,
          region: backup.region,
          offsiteCountry: backup.hasOffsite ? backup.offsiteCountry : null,
          offsiteRegion: backup.hasOffsite ? backup.offsiteRegion : '',
          since: sinceAnswer(backup.since),
        }
      : null,
  };
}

/** The step that asks for an answer, so a refused answer sends the person back to it. */
export function stepOfField(path: string): number {
  if (/^(mailProvider|accountingPackage|crm)\./.test(path)) return 1;
  if (/^(hostingProvider|backupProvider)\./.test(path)) return 2;
  return 0;
}
