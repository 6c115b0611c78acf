import { describe, expect, it } from 'vitest';
import { ZCreateSystemRequest } from '../../../../src/modules/inventory/contract.ts';
import { ZGuidedStartAnswers } from '../../../../src/modules/onboarding/contract.ts';
import { ZCreateActivityRequest } from '../../../../src/modules/register/contract.ts';
import { ZCreateVendorRequest } from '../../../../src/modules/vendors/contract.ts';
import { emptyActivity, toActivityInput } from './activities/activity-form.ts';
import { emptyGuidedValues, stepOfField, toGuidedAnswers } from './start/guided-answers.ts';
import { emptyLocation, emptySystem, toCreateSystemInput, toUpdateSystemInput } from './systems/system-form.ts';
import { emptyVendor, toVendorInput } from './vendors/vendor-form.ts';

/** What the forms send must be what the server's contract accepts: checked with the contract itself. */
describe('form values become request bodies the contracts accept', () => {
  it('activity: empty purposes are dropped, an empty review date and amount become null', () => {
    const values = { ...emptyActivity(), name: 'Werving', purposes: ['  Vacatures vervullen ', ''] };
    values.retention = { ...values.retention, kind: 'period', amount: '', unit: 'weeks' };
    const body = toActivityInput(values);
    expect(body.purposes).toEqual(['Vacatures vervullen']);
    expect(body.reviewDate).toBeNull();
    expect(body.retention?.amount).toBeNull();
    // An incomplete period is the server's to refuse, at the field the form shows.
    const parsed = ZCreateActivityRequest.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['retention.amount']);
  });

  it('activity: a filled form parses as it was typed', () => {
    const values = {
      ...emptyActivity(),
      name: 'Nieuwsbrief',
      purposes: ['Klanten informeren'],
      legalBasis: 'a' as const,
      reviewDate: '2027-01-31',
    };
    values.retention = { ...values.retention, kind: 'period', amount: 12, unit: 'months', startEvent: 'Aanmelding' };
    const parsed = ZCreateActivityRequest.parse(toActivityInput(values));
    expect(parsed).toMatchObject({ purposes: ['Klanten informeren'], reviewDate: '2027-01-31', legalBasis: 'a' });
    expect(parsed.retention).toMatchObject({ kind: 'period', amount: 12, unit: 'months' });
  });

  it('system: a new system carries its locations, an open-ended one with until null; a change carries none', () => {
    const values = { ...emptySystem(), name: 'Back-ups', kind: 'backup' as const };
    values.locations = [{ ...emptyLocation('2018-01-01'), role: 'backup', country: 'DE', region: 'Frankfurt' }];
    const parsed = ZCreateSystemRequest.parse(toCreateSystemInput(values));
    expect(parsed.locations).toEqual([
      expect.objectContaining({ role: 'backup', country: 'DE', since: '2018-01-01', until: null }),
    ]);
    expect(toUpdateSystemInput(values)).not.toHaveProperty('locations');
  });

  it('vendor: empty website and e-mail become null, a parent only for a sub-processor', () => {
    const values = { ...emptyVendor(), name: 'Hosting Zuid', parentVendorId: '0b1e8f3a-4a8e-4a53-9d0c-2b0f4c1a7e11' };
    values.certifications = [{ name: 'ISO 27001', reference: '', validUntil: '' }];
    const parsed = ZCreateVendorRequest.parse(toVendorInput(values));
    expect(parsed).toMatchObject({ website: null, contactEmail: null, parentVendorId: null });
    expect(parsed.certifications).toEqual([{ name: 'ISO 27001', reference: '', validUntil: null }]);
  });

  it('guided start: providers nobody named are null; the backup keeps its offsite copy and date', () => {
    const values = emptyGuidedValues();
    values.backupProvider = {
      ...values.backupProvider,
      isUsed: true,
      name: 'Back-up Centrale',
      hasOffsite: true,
      offsiteCountry: 'DE',
      since: '2018-01-01',
    };
    const parsed = ZGuidedStartAnswers.parse(toGuidedAnswers(values));
    expect(parsed.mailProvider).toBeNull();
    expect(parsed.backupProvider).toMatchObject({ country: 'NL', offsiteCountry: 'DE', since: '2018-01-01' });
    values.backupProvider.hasOffsite = false;
    expect(toGuidedAnswers(values).backupProvider).toMatchObject({ offsiteCountry: null, offsiteRegion: '' });
  });

  it('guided start: an unanswered "since when" stays unknown, and only a "yes" confirms a security measure', () => {
    const values = emptyGuidedValues();
    values.mailProvider = { ...values.mailProvider, isUsed: true, name: 'Mailhuis' };
    values.accountingPackage = { ...values.accountingPackage, isUsed: true, name: 'Boek', since: '2019-02-01' };
    values.mfaOnAllAccounts = 'yes';
    values.backupsEncrypted = 'yes';
    values.clients = 'private';
    const parsed = ZGuidedStartAnswers.parse(toGuidedAnswers(values));
    expect(parsed.mailProvider?.since).toBeNull();
    expect(parsed.accountingPackage?.since).toBe('2019-02-01');
    expect(parsed.clients).toBe('private');
    // Without a backup provider there are no backups to call encrypted.
    expect(parsed.security).toEqual({ mfaOnAllAccounts: true, backupsEncrypted: null });
    values.mfaOnAllAccounts = 'unknown';
    expect(ZGuidedStartAnswers.parse(toGuidedAnswers(values)).security.mfaOnAllAccounts).toBeNull();
    expect(ZGuidedStartAnswers.parse(toGuidedAnswers(values)).mailsExistingCustomers).toBe(false);
  });

  it('guided start: a refused answer leads back to the step that asked for it', () => {
    expect(stepOfField('crm.name')).toBe(1);
    expect(stepOfField('backupProvider.since')).toBe(2);
    expect(stepOfField('businessKind')).toBe(0);
  });
});
