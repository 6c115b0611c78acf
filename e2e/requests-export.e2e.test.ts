import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../src/platform/mail/tables.ts';
import { signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

const EMAIL = 'lotte.bakker@example.nl';

/**
 * A full access request in the browser, from submission to download: the person submits and confirms on the
 * public pages, the officer searches the stores and builds the export package on the desk (the job runs on the
 * server's workers), and the person downloads the ZIP through the mailed link.
 */
describe('an access request from submission to download', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let visitor: E2eBrowser;
  let officer: E2eBrowser;
  let requestId = '';

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    const root = mkdtempSync(path.join(tmpdir(), 'privacydesk-e2e-export-'));
    writeFileSync(path.join(root, 'offerte-lotte.txt'), `Offerte voor Lotte Bakker (${EMAIL}).`);
    writeFileSync(path.join(root, 'offerte-ander.txt'), 'Offerte voor iemand anders.');
    const base = `/api/orgs/${owner.orgSlug}`;
    const connector = await owner.client.post(`${base}/connectors`, {
      name: 'Offertes',
      kind: 'files',
      settings: { root },
    });
    await owner.client.post(`${base}/connectors/${connector.body.id}/record-types`, {
      name: 'Offertes',
      definition: { directory: '', pattern: '*.txt' },
    });
    visitor = await openBrowser({ locale: 'nl-NL' });
    officer = await openBrowser({ locale: 'nl-NL' });
  });
  afterAll(async () => {
    await visitor?.close();
    await officer?.close();
    await server?.close();
  });
  screenshotFailures(() => [visitor?.page, officer?.page]);

  /** The link of the latest mail of a template to the address, as its recipient would click it. */
  async function mailedLink(template: string, pattern: RegExp): Promise<string> {
    const [message] = await server.app.ctx.db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.recipient, EMAIL), eq(mailMessages.template, template)))
      .orderBy(desc(mailMessages.createdAt))
      .limit(1);
    const link = message ? server.app.ctx.secrets.open(message.bodySealed).match(pattern) : null;
    if (!link) throw new Error(`no ${template} link mailed to ${EMAIL}`);
    return link[0];
  }

  it('takes and confirms the request on the public pages', async () => {
    const { page } = visitor;
    await page.goto(`${server.url}/p/${owner.orgSlug}/request`);
    await page.getByLabel('Inzage', { exact: true }).check();
    await field(page, 'Naam').fill('Lotte Bakker');
    await field(page, 'E-mailadres').fill(EMAIL);
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Kijk in uw e-mail').waitFor();
    await page.goto(await mailedLink('requests.confirm', /https?:\/\/\S+\/request\/confirm\?token=[\w%-]+/));
    await page.getByRole('heading', { name: 'Uw verzoek is ontvangen' }).waitFor();
    const desk = await owner.client.get(`/api/orgs/${owner.orgSlug}/requests`);
    requestId = desk.body.items[0].id;
    expect(visitor.problems).toEqual([]);
  });

  it('builds the export package on the desk after discovery', async () => {
    // Discovery through the API (its own screen is not part of this flow).
    const found = await owner.client.post(`/api/orgs/${owner.orgSlug}/requests/${requestId}/discover`, {
      identity: {},
    });
    expect(found.body.discovery.totalFound).toBe(1);
    const { page } = officer;
    await signInAsOwner(page, server.url);
    await page.goto(`${server.url}/o/${owner.orgSlug}/requests/${requestId}`);
    const card = page.getByRole('region', { name: 'Exportpakket' });
    await card.getByRole('button', { name: 'Exportpakket maken' }).click();
    const packages = card.getByRole('table', { name: 'Exportpakketten' });
    await packages.getByText('Klaar', { exact: true }).waitFor({ timeout: 60_000 });
    await packages.getByText(/1 records, .*nog 5 keer te downloaden/).waitFor();
    await screenshot(page, 'requests-export-ready');
    expect(officer.problems).toEqual([]);
  });

  it('lets the person see what the package holds and download it through the mailed link', async () => {
    const { page } = visitor;
    await page.goto(await mailedLink('requests.export_ready', /https?:\/\/\S+\/request\/download\?token=[\w%-]+/));
    await page.getByRole('heading', { name: 'Uw gegevens downloaden' }).waitFor();
    const contents = page.getByRole('table', { name: 'Inhoud van het pakket' });
    await contents.getByRole('cell', { name: 'Offertes' }).first().waitFor();
    await page.getByText('u kunt nog 5 keer downloaden', { exact: false }).waitFor();
    await screenshot(page, 'requests-download');
    const zip = await downloadedZip(page);
    expect(Object.keys(zip).sort()).toEqual(['Offertes/Offertes.csv', 'Offertes/Offertes.json', 'overzicht.pdf']);
    const records = JSON.parse(strFromU8(zip['Offertes/Offertes.json'] as Uint8Array)).records;
    expect(records.map((record: { key: string }) => record.key)).toEqual(['offerte-lotte.txt']);
    await page.getByText('u kunt nog 4 keer downloaden', { exact: false }).waitFor();
    expect(visitor.problems).toEqual([]);

    await officer.page.reload();
    await officer.page
      .getByRole('table', { name: 'Tijdlijn van het verzoek' })
      .getByText('Exportpakket gedownload')
      .first()
      .waitFor();
  });
});

async function downloadedZip(page: Page): Promise<Record<string, Uint8Array>> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /downloaden$/ }).click(),
  ]);
  const file = await download.path();
  return unzipSync(new Uint8Array(readFileSync(file)));
}
