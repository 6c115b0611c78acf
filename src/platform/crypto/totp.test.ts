import { describe, expect, it } from 'vitest';
import { currentTotpCode, generateTotpSecret, matchTotpStep, totpEnrolmentDetails } from './totp.ts';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in base32; its 8-digit codes end in our 6 digits. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it.each([
    [59, '287082'],
    [1_111_111_109, '081804'],
    [1_234_567_890, '005924'],
    [2_000_000_000, '279037'],
  ])('matches the RFC 6238 test vector at %i s', (seconds, code) => {
    expect(currentTotpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });

  it('generates 160-bit base32 secrets, different each time', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('returns the time step of a correct code, allowing one step of drift either way', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-23T09:00:10Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotpStep(secret, currentTotpCode(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, currentTotpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotpStep(secret, currentTotpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, wrong codes and codes of another secret', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-23T09:00:10Z');
    expect(matchTotpStep(secret, currentTotpCode(secret, new Date(now.getTime() - 60_000)), now)).toBeNull();
    expect(matchTotpStep(secret, currentTotpCode(secret, new Date(now.getTime() + 60_000)), now)).toBeNull();
    const wrong = String((Number(currentTotpCode(secret, now)) + 1) % 1_000_000).padStart(6, '0');
    expect(matchTotpStep(secret, wrong, now)).toBeNull();
    expect(matchTotpStep(secret, currentTotpCode(generateTotpSecret(), now), now)).toBeNull();
  });

  it('hands out an otpauth URI and its QR code for enrolment', async () => {
    const details = await totpEnrolmentDetails(RFC_SECRET, 'jan@example.nl');
    expect(details.secret).toBe(RFC_SECRET);
    const uri = new URL(details.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/privacydesk:jan@example.nl');
    expect(uri.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(uri.searchParams.get('issuer')).toBe('privacydesk');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(details.qrCodeDataUrl.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(details.qrCodeDataUrl.split(',')[1] as string, 'base64').toString('utf8');
    expect(svg).toContain('<svg');
  });
});
