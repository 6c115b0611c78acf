import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eBrowser, field, openBrowser, PHONE, screenshot, screenshotFailures } from './support/browser.ts';
import { OWNER, PASSWORD, type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

describe('language and the audit trail', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;
  let englishBrowser: E2eBrowser | undefined;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    // Some history for the trail: two invitations, one revoked, and a change of the organisation's details.
    const invited = await owner.client.post(`/api/orgs/${owner.orgSlug}/invitations`, {
      email: 'sanne@dewit-ict.example',
      role: 'editor',
    });
    await owner.client.post(`/api/orgs/${owner.orgSlug}/invitations`, {
      email: 'joost@dewit-ict.example',
      role: 'viewer',
    });
    await owner.client.delete(`/api/orgs/${owner.orgSlug}/invitations/${invited.body.id}`);
    await owner.client.patch(`/api/orgs/${owner.orgSlug}`, { city: 'Amersfoort' });

    browser = await openBrowser({ locale: 'nl-NL' });
    const { page } = browser;
    await page.goto(`${server.url}/sign-in`);
    await field(page, 'E-mailadres').fill(OWNER.email);
    await field(page, 'Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: `Welkom, ${OWNER.name}` }).waitFor();
  });
  afterAll(async () => {
    await englishBrowser?.close();
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page, englishBrowser?.page]);

  it('shows the audit trail with who did what, filters by action, and verifies the chain', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Audittrail' }).click();
    const trail = page.getByRole('table', { name: 'Audittrail' });
    await trail.getByText('Organisatiegegevens gewijzigd').waitFor();
    await trail.getByText('Uitnodiging ingetrokken').waitFor();
    expect(await trail.getByText('Uitnodiging verstuurd').count()).toBe(2);
    await trail.getByRole('row').filter({ hasText: 'Organisatiegegevens gewijzigd' }).getByText(OWNER.name).waitFor();
    await screenshot(page, 'audit-trail');

    await page.getByRole('combobox', { name: 'Handeling' }).click();
    await page.getByRole('option', { name: 'Uitnodiging verstuurd' }).click();
    await page.getByText('2 van 2 records').waitFor();
    expect(await trail.getByText('Organisatiegegevens gewijzigd').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('action')).toBe('invitation.created');

    // The filter lives in the address: a reload keeps it.
    await page.reload();
    await page.getByText('2 van 2 records').waitFor();

    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await trail.getByText('Organisatiegegevens gewijzigd').waitFor();

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    const result = page.getByRole('dialog', { name: 'Controle van de audittrail' });
    await result.getByText('De audittrail is intact').waitFor();
    await result.getByText(/records in \d+ keten\(s\) gecontroleerd/).waitFor();
    await result.getByRole('button', { name: 'Sluiten' }).click();
  });

  it('switches the language, saved with the account: it survives a reload and a fresh device', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Overzicht' }).click();
    await page.getByRole('heading', { name: `Welkom, ${OWNER.name}` }).waitFor();
    await page.getByRole('button', { name: 'Taal' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
    await page.getByRole('link', { name: 'Audit trail' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
    // Forget this device's choice: the language now comes from the account alone.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
    expect((await owner.client.get('/api/me')).body.locale).toBe('en');

    // Server messages follow the account's language too.
    await page.goto(`${server.url}/o/${owner.orgSlug}/settings`);
    await field(page, 'Chamber of Commerce (KvK) number').fill('123');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A KvK number has exactly 8 digits.').waitFor();
    expect((await owner.client.get(`/api/orgs/${owner.orgSlug}`)).body.kvkNumber).toBe('12345678');
    await field(page, 'Chamber of Commerce (KvK) number').fill('87654321');
    await page.getByLabel('Data protection officer (DPO)').waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: /data protection officer or privacy officer has been designated/ }).check();
    await page.getByRole('radio', { name: 'Data protection officer (DPO)' }).check();
    await field(page, 'Name').fill('Fatima El Amrani');
    await field(page, 'Email address').fill('fg@privacypartners.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The organisation details have been saved.').waitFor();
    const saved = (await owner.client.get(`/api/orgs/${owner.orgSlug}`)).body;
    expect(saved.kvkNumber).toBe('87654321');
    expect(saved.privacyContact).toMatchObject({ kind: 'dpo', name: 'Fatima El Amrani', isExternal: false });
    expect(browser.problems).toEqual([]);
  });

  it('speaks the browser language on the sign-in page, down to phone width', async () => {
    englishBrowser = await openBrowser({ locale: 'en-US', viewport: PHONE });
    const { page } = englishBrowser;
    await page.goto(server.url);
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await field(page, 'Email address').waitFor();
    await screenshot(page, 'sign-in-phone-en');

    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    expect(englishBrowser.problems).toEqual([]);
  });
});
