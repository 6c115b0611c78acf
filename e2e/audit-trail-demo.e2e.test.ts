import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../src/demo/data.ts';
import { ensureDemoData } from '../src/demo/load-demo.ts';
import { AUDIT_ACTION_NAMES } from '../src/platform/audit/actions.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type E2eServer, startServer } from './support/server.ts';

/** What a person must not have to decode on the audit page. */
const UNREADABLE = [
  { what: 'an action code', pattern: new RegExp(`(${AUDIT_ACTION_NAMES.join('|').replaceAll('.', '\\.')})`) },
  { what: 'a code with a dot', pattern: /\b[a-z]+_[a-z_]+\b|\b[a-z_]+\.[a-z_]+\b/ },
  { what: 'an id', pattern: /\b[0-9a-f]{8}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-/ },
  { what: 'a hash', pattern: /[0-9a-f]{10}/ },
  { what: 'JSON', pattern: /[{}[\]"]|":/ },
  { what: 'a field key', pattern: /\b[a-z]+[A-Z][A-Za-z]*\b/ },
];

describe('the demo’s audit trail', () => {
  let server: E2eServer;
  let browser: E2eBrowser;

  beforeAll(async () => {
    server = await startServer();
    await ensureDemoData(server.app.ctx);
    browser = await openBrowser({ locale: 'nl-NL' });
    const { page } = browser;
    await page.goto(`${server.url}/sign-in`);
    await field(page, 'E-mailadres').fill(DEMO_EMAIL);
    await field(page, 'Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: /^Welkom/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  it.each(['domstad-ict', 'eemcode'])('reads as a record for a person in %s: no codes, ids or JSON', async (slug) => {
    const { page } = browser;
    await page.goto(`${server.url}/o/${slug}/audit`);
    const trail = page.getByRole('table', { name: 'Audittrail' });
    await trail.locator('tbody tr').first().waitFor();
    while (await page.getByRole('button', { name: 'Meer laden' }).isVisible()) {
      await page.getByRole('button', { name: 'Meer laden' }).click();
      await page
        .getByRole('button', { name: 'Meer laden' })
        .waitFor({ state: 'detached', timeout: 2_000 })
        .catch(() => {});
    }
    // The oldest entry, reached once every page is loaded.
    await trail.getByText('Organisatie aangemaakt', { exact: true }).waitFor();
    const rows = await trail.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(25);
    const unreadable = rows.flatMap((row) =>
      UNREADABLE.filter(({ pattern }) => pattern.test(row)).map(({ what }) => `${what} in: ${row}`),
    );
    expect(unreadable).toEqual([]);
    if (slug === 'domstad-ict') {
      await screenshot(page, 'audit-trail-demo');
      // Subjects are named, details are sentences.
      await trail.getByText('Sjabloon: ICT-dienstverlener').waitFor();
      await trail
        .getByText(/^Toegevoegd: \d+ systemen en \d+ verwerkingen\.$/)
        .first()
        .waitFor();
      await trail.getByText(/^Primaire opslag in Noorwegen, sinds 1 mei 2021\.$/).waitFor();
      // The guided start already set both flags from its answers: saving them again changes nothing, so the demo's
      // later system details record no "changed" entry for them.
      expect(
        await trail.getByText('Gewijzigd: Versleuteld opgeslagen en Tweestapsverificatie verplicht.').count(),
      ).toBe(0);
      expect(await trail.getByText('privacydesk (demogegevens)').count()).toBe(rows.length);
    }
    expect(browser.problems).toEqual([]);
  });
});
