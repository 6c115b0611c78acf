import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import gdprItems from '../reference/gdpr-items.json' with { type: 'json' };
import { pdfText } from '../test/pdf-text.ts';
import { choose, registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

const ORGANISATION = 'Visser Webontwikkeling';
const ACTIVITY = 'Klantadministratie en facturatie';

describe('register: exporting the PDF and importing a file from the page', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server, {
      name: ORGANISATION,
      kvkNumber: '12345678',
      street: 'Oudegracht 12',
      postcode: '3511 AB',
      city: 'Utrecht',
    });
    const created = await owner.client.post(`/api/orgs/${owner.orgSlug}/activities`, {
      name: ACTIVITY,
      purposes: ['Offertes en facturen opstellen'],
      legalBasis: 'b',
    });
    if (created.status !== 201) throw new Error(`seeding the activity failed: ${JSON.stringify(created.body)}`);
    browser = await openBrowser({ locale: 'nl-NL' });
    await signInAsOwner(browser.page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  /** Clicks the PDF button and returns the text of the file the browser downloaded. */
  async function downloadPdfText(): Promise<{ fileName: string; text: string }> {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF', exact: true }).click(),
    ]);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { fileName: download.suggestedFilename(), text: pdfText(bytes).replace(/\s+/g, ' ') };
  }

  it('downloads the register as an English PDF with the organisation, the activity and the Art. 30 items', async () => {
    const { page } = browser;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'import-export'));
    await page.getByRole('heading', { name: 'Importeren en exporteren' }).waitFor();
    await choose(page, 'Taal van het document', 'English');
    await screenshot(page, 'register-export');

    const { fileName, text } = await downloadPdfText();
    // The page follows the PDF's progress on the server until it is done.
    await page.getByRole('status').getByText('De pdf is klaar; uw browser slaat hem op.').waitFor();
    expect(fileName).toMatch(/\.pdf$/);
    expect(text).toContain('Record of processing activities');
    expect(text).toContain(ORGANISATION);
    expect(text).toContain(ACTIVITY);
    const purposes = gdprItems.art30_1_controller.find((item) => item.id === 'b');
    expect(text).toContain(`(b) ${purposes?.en}`);
    expect(text).not.toContain(`(b) ${purposes?.nl}`);
  });

  it('downloads it in Dutch when Dutch is chosen', async () => {
    const { page } = browser;
    await choose(page, 'Taal van het document', 'Nederlands');
    const { text } = await downloadPdfText();
    expect(text).toContain('Register van verwerkingsactiviteiten');
    expect(text).toContain(ORGANISATION);
    const purposes = gdprItems.art30_1_controller.find((item) => item.id === 'b');
    expect(text).toContain(`(b) ${purposes?.nl}`);
    expect(browser.problems).toEqual([]);
  });

  it('checks an import file first, lists every row error, and imports only a clean file', async () => {
    const { page } = browser;
    const upload = (name: string, rows: string[]) =>
      page.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(['Naam;Soort;Land', ...rows].join('\r\n'), 'utf8'),
      });
    await choose(page, 'Wat importeert u?', 'Leveranciers');
    await upload('leveranciers.csv', ['Hosting Zuid;Verwerker;NL', 'Mail Noord;Bakker;XX']);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();

    const errors = page.getByRole('table', { name: 'Fouten per rij' });
    await errors.waitFor();
    const rows = await errors.getByRole('row').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.slice(1).every((row) => row.startsWith('3'))).toBe(true);
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'register-import-errors');

    await upload('leveranciers.csv', ['Hosting Zuid;Verwerker;NL', 'Mail Noord;Verwerker;DE']);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByText('Het bestand is in orde: 2 rijen').waitFor();
    expect((await owner.client.get(`/api/orgs/${owner.orgSlug}/vendors`)).body.total).toBe(0);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('2 items geïmporteerd').waitFor();
    const vendors = (await owner.client.get(`/api/orgs/${owner.orgSlug}/vendors`)).body.items;
    expect(vendors.map((vendor: { name: string; country: string }) => [vendor.name, vendor.country])).toEqual([
      ['Hosting Zuid', 'NL'],
      ['Mail Noord', 'DE'],
    ]);
    expect(browser.problems).toEqual([]);
  });
});
