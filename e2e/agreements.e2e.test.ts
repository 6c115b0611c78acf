import { afterAll, beforeAll, describe, it } from 'vitest';
import { choose, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/**
 * A processor without an agreement shows on the agreements page (reached from the register's menu); once an
 * agreement is recorded, its Art. 28(3) checklist ticked in part, a lying file refused, the signed PDF uploaded and
 * the agreement marked signed, the processor is covered.
 */
describe('a processor agreement from coverage gap to signed', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let officer: E2eBrowser;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    officer = await openBrowser({ locale: 'nl-NL' });
    const vendor = await owner.client.post(`/api/orgs/${owner.orgSlug}/vendors`, {
      name: 'Hostingbedrijf',
      kind: 'processor',
      country: 'NL',
    });
    if (vendor.status !== 201) throw new Error(`vendor: ${JSON.stringify(vendor.body)}`);
    await signInAsOwner(officer.page, server.url);
  });
  afterAll(async () => {
    await officer?.close();
    await server?.close();
  });
  screenshotFailures(() => [officer?.page]);

  it('records the agreement, ticks the checklist, refuses a lying file and covers the processor', async () => {
    const { page } = officer;
    const navigation = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await navigation.getByRole('button', { name: 'Verwerkingsregister' }).click();
    await navigation.getByRole('link', { name: 'Overeenkomsten', exact: true }).click();
    const coverage = page.getByRole('region', { name: 'Dekking' });
    await coverage.getByText('Verwerkers zonder getekende overeenkomst: 1').waitFor();
    await coverage.getByRole('link', { name: 'Hostingbedrijf' }).waitFor();
    await screenshot(page, 'agreements-coverage');

    await page.getByRole('button', { name: 'Overeenkomst toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Overeenkomst toevoegen' });
    await choose(page, 'Leverancier', 'Hostingbedrijf');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('heading', { name: 'Hostingbedrijf' }).waitFor();

    const checklist = page.getByRole('region', { name: 'Checklist art. 28 lid 3 AVG' });
    await checklist.getByText('Er ontbreken nog 9 onderdelen.').waitFor();
    await checklist.getByLabel('Gemachtigde personen zijn tot geheimhouding verplicht').check();
    await checklist.getByLabel('Waar staat het: Gemachtigde personen zijn tot geheimhouding verplicht').fill('art. 7');
    await checklist.getByRole('button', { name: 'Checklist opslaan' }).click();
    await checklist.getByText('Er ontbreken nog 8 onderdelen.').waitFor();

    const documents = page.getByRole('region', { name: 'Documenten' });
    const fileInput = documents.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'overeenkomst.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 dit is geen pdf'),
    });
    await documents.getByRole('button', { name: 'Uploaden' }).click();
    await documents.getByText(/Alleen pdf-bestanden worden aangenomen/).waitFor();
    await fileInput.setInputFiles({
      name: 'overeenkomst.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'),
    });
    await documents.getByRole('button', { name: 'Uploaden' }).click();
    await documents.getByRole('link', { name: 'overeenkomst.pdf' }).waitFor();

    await choose(page, 'Status', 'Getekend');
    await page.getByLabel('Getekend door').fill('Piet Hosting');
    await page.getByLabel('Getekend op').fill('2026-11-01');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Getekend', { exact: true }).first().waitFor();
    await screenshot(page, 'agreement-signed');

    await page.getByRole('link', { name: 'Terug naar verwerkersovereenkomsten' }).click();
    await coverage.getByText('Verwerkers zonder getekende overeenkomst: 0').waitFor();

    await navigation.getByRole('link', { name: 'Overzicht', exact: true }).first().click();
    const card = page.getByRole('region', { name: 'Verwerkersovereenkomsten' });
    await card
      .getByText('Elke verwerker en klant heeft een getekende overeenkomst; niets loopt binnen 60 dagen af.')
      .waitFor();
  });
});
