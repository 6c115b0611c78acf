import { describe, expect, it } from 'vitest';
import { type ActivityFacts, inventoryFindings, type SystemInventoryFacts } from './rules.ts';

const system = (overrides: Partial<SystemInventoryFacts>): SystemInventoryFacts => ({
  name: 'Mailbox',
  kind: 'mailbox',
  isMfaEnforced: true,
  isEncryptedAtRest: true,
  hasLocationOfUnknownStart: false,
  ...overrides,
});

/** Only what inventoryFindings reads; the other facts do not matter to it. */
const activity = (securityMeasures: string, systems: SystemInventoryFacts[], role = 'controller') =>
  ({ name: 'Klantcontact', role, securityMeasures, systems }) as ActivityFacts;

const TEMPLATE_CLAIM = 'Tweestapsverificatie op alle accounts; versleutelde back-ups op een ander platform.';

describe('inventoryFindings: security claims the inventory contradicts', () => {
  it('warns when the text claims 2FA and encrypted backups while the systems say unknown', () => {
    const findings = inventoryFindings(
      activity(TEMPLATE_CLAIM, [
        system({ name: 'Mailbox', isMfaEnforced: null, isEncryptedAtRest: null }),
        system({ name: 'Back-up', kind: 'backup', isMfaEnforced: null, isEncryptedAtRest: null }),
      ]),
    );
    expect(findings).toEqual([
      {
        itemId: '30.1.g',
        article: '30(1)(g)',
        status: 'warning',
        code: 'security_claim_mfa_unconfirmed',
        params: { activity: 'Klantcontact', systems: 'Mailbox, Back-up' },
      },
      {
        itemId: '30.1.g',
        article: '30(1)(g)',
        status: 'warning',
        code: 'security_claim_encryption_unconfirmed',
        params: { activity: 'Klantcontact', systems: 'Back-up' },
      },
    ]);
  });

  it('names only the systems that contradict, in English texts too, and uses Art. 30(2)(d) for a processor', () => {
    const findings = inventoryFindings(
      activity(
        'Two-factor authentication on every account.',
        [system({ name: 'CRM' }), system({ name: 'RMM', isMfaEnforced: false })],
        'processor',
      ),
    );
    expect(findings).toMatchObject([
      { itemId: '30.2.d', code: 'security_claim_mfa_unconfirmed', params: { systems: 'RMM' } },
    ]);
  });

  it('is silent when the flags confirm the claims or the text claims nothing the flags cover', () => {
    expect(inventoryFindings(activity(TEMPLATE_CLAIM, [system({}), system({ kind: 'backup' })]))).toEqual([]);
    const unknown = [system({ isMfaEnforced: null, isEncryptedAtRest: null })];
    expect(inventoryFindings(activity('Toegang alleen voor wie het nodig heeft.', unknown))).toEqual([]);
    // Encrypted backups concern backup systems: a mailbox's own encryption flag does not contradict them.
    expect(inventoryFindings(activity('Versleutelde back-ups.', [system({ isEncryptedAtRest: false })]))).toEqual([]);
  });
});

describe('inventoryFindings: locations without a first day', () => {
  it('asks for the first day of a system whose location is undated', () => {
    const findings = inventoryFindings(
      activity('', [system({ name: 'Boekhoudpakket', hasLocationOfUnknownStart: true }), system({})]),
    );
    expect(findings).toEqual([
      {
        itemId: 'locations',
        article: '5(2)',
        status: 'warning',
        code: 'location_since_unknown',
        params: { activity: 'Klantcontact', systems: 'Boekhoudpakket' },
      },
    ]);
  });
});
