import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../src/platform/crypto/totp.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { createOrganisation, OWNER, PASSWORD, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/**
 * A code from the next 30-second step: the server accepts one step of drift, and refuses a step it has seen
 * (the one used to confirm enrolment), as an authenticator app would show a fresh code by then.
 */
const nextTotpCode = (secret: string) => currentTotpCode(secret, new Date(Date.now() + 30_000));

describe('signing in, two-factor and password reset', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let totpSecret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    server = await startServer();
    const owner = await setupFirstOwner(server);
    await createOrganisation(owner.client, { name: 'Strikt Beveiligd BV', requireMfa: true });
    browser = await openBrowser({ locale: 'nl-NL' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  it('refuses a wrong password with the server message and signs in with the right one', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/o/de-wit-ict-beheer/members`);
    await page.waitForURL('**/sign-in?next=*');
    await field(page, 'E-mailadres').fill(OWNER.email);
    await field(page, 'Wachtwoord').fill('niet het goede wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Het e-mailadres of wachtwoord is onjuist.' }).waitFor();

    await field(page, 'Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Leden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/o/de-wit-ict-beheer/members');
  });

  it('sends a member of an organisation that requires two-factor to enrolment, with the reason', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/o/strikt-beveiligd-bv`);
    await page.waitForURL('**/account/security?required=strikt-beveiligd-bv');
    await page.getByText('Tweestapsverificatie is verplicht').waitFor();
    await page
      .getByText('Een organisatie waarvan u lid bent vereist tweestapsverificatie.', { exact: false })
      .waitFor();
  });

  it('enrols two-factor with the QR code page: secret, first code, ten recovery codes', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    await page.getByRole('img', { name: 'QR-code om te scannen met uw authenticator-app' }).waitFor();
    totpSecret = (await page.getByLabel('Geheime sleutel', { exact: true }).textContent())?.trim() ?? '';
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'totp-enrolment');

    await field(page, 'Code van 6 cijfers').fill(currentTotpCode(totpSecret, new Date()));
    await page.getByRole('button', { name: 'Bevestigen en inschakelen' }).click();
    const codeList = page.getByRole('list', { name: 'Uw herstelcodes' });
    await codeList.waitFor();
    recoveryCodes = (await codeList.getByRole('listitem').allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    await page.getByRole('link', { name: 'Verder naar de organisatie' }).click();
    await page.getByRole('heading', { name: `Welkom, ${OWNER.name}` }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Organisatie' }).inputValue()).toBe('Strikt Beveiligd BV');
  });

  it('signs out, and signs in again with password and a TOTP code', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: `Accountmenu van ${OWNER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/sign-in');

    await field(page, 'E-mailadres').fill(OWNER.email);
    await field(page, 'Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/sign-in/second-factor');
    await field(page, 'Code van 6 cijfers').fill('000000');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('Deze code klopt niet.', { exact: false }).waitFor();

    await field(page, 'Code van 6 cijfers').fill(nextTotpCode(totpSecret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: `Welkom, ${OWNER.name}` }).waitFor();
  });

  it('signs in with a recovery code instead of the app', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: `Accountmenu van ${OWNER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/sign-in');
    await field(page, 'E-mailadres').fill(OWNER.email);
    await field(page, 'Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Een herstelcode gebruiken' }).click();
    await field(page, 'Herstelcode').fill(recoveryCodes[0] as string);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: `Welkom, ${OWNER.name}` }).waitFor();
  });

  it('lists my sessions and ends the others', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/account/sessions`);
    const rows = page.getByRole('row');
    await page.getByText('Deze sessie').waitFor();
    // Header, this browser, the seeding API client.
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Overal anders uitloggen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Overal anders uitloggen' }).click();
    await page.getByText(/andere sessies? beëindigd/).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('resets a forgotten password through the mailed link', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: `Accountmenu van ${OWNER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { name: 'Wachtwoord vergeten' }).waitFor();
    await field(page, 'E-mailadres').fill(OWNER.email);
    await page.getByRole('button', { name: 'Herstellink versturen' }).click();
    await page.getByText('Als er een account bij dit adres hoort', { exact: false }).waitFor();

    const token = await server.tokenMailedTo(OWNER.email, 'password-reset');
    await page.goto(`${server.url}/reset-password?token=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' }).waitFor();
    const newPassword = 'een nog veel langere zin als wachtwoord';
    await field(page, 'Nieuw wachtwoord').fill(newPassword);
    await field(page, 'Herhaal het nieuwe wachtwoord').fill('iets anders');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('De wachtwoorden zijn niet gelijk.').waitFor();
    await field(page, 'Herhaal het nieuwe wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd. Log in met het nieuwe wachtwoord.').waitFor();

    await field(page, 'E-mailadres').fill(OWNER.email);
    await field(page, 'Wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/sign-in/second-factor');
    await page.getByRole('button', { name: 'Een herstelcode gebruiken' }).click();
    await field(page, 'Herstelcode').fill(recoveryCodes[1] as string);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: `Welkom, ${OWNER.name}` }).waitFor();
    expect(browser.problems).toEqual([]);
  });
});
