import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/**
 * The register of measures meets the inventory: a CRM marked without two-factor authentication is a finding on
 * the measures page and the dashboard; a 2FA measure put in place for the CRM settles it once it has evidence. A
 * file that claims to be a PDF but is not is refused with the Dutch message first.
 */
describe('a measure with evidence settles a finding', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let officer: E2eBrowser;
  let activityId: string;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    officer = await openBrowser({ locale: 'nl-NL' });
    const crm = await owner.client.post(`/api/orgs/${owner.orgSlug}/systems`, {
      name: 'Klantsysteem',
      kind: 'crm',
      isMfaEnforced: false,
    });
    if (crm.status !== 201) throw new Error(`system: ${JSON.stringify(crm.body)}`);
    const activity = await owner.client.post(`/api/orgs/${owner.orgSlug}/activities`, {
      name: 'Klantenservice',
      systemIds: [crm.body.id],
    });
    if (activity.status !== 201) throw new Error(`activity: ${JSON.stringify(activity.body)}`);
    activityId = activity.body.id;
    await signInAsOwner(officer.page, server.url);
  });
  afterAll(async () => {
    await officer?.close();
    await server?.close();
  });
  screenshotFailures(() => [officer?.page]);

  it('shows the finding, refuses a lying file, and drops the finding once the measure has evidence', async () => {
    const { page } = officer;
    const finding = 'Klantsysteem heeft geen tweestapsverificatie.';
    await page.getByRole('region', { name: 'Beveiligingsmaatregelen' }).getByText(finding).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Maatregelen' }).click();
    const findings = page.getByRole('region', { name: 'Bevindingen' });
    await findings.getByText(finding).waitFor();
    await screenshot(page, 'measures-findings');

    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maatregel toevoegen' });
    await choose(page, 'Uit de catalogus', /^Tweestapsverificatie/, 'Twee');
    await choose(page, 'Status', 'Ingevoerd');
    await choose(page, 'Systemen', 'Klantsysteem');
    await screenshot(page, 'measures-add');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('heading', { name: 'Tweestapsverificatie' }).waitFor();

    const evidence = page.getByRole('region', { name: 'Bewijs' });
    const fileInput = evidence.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'instellingen.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 dit is geen pdf'),
    });
    await evidence.getByRole('button', { name: 'Bestand uploaden' }).click();
    await evidence.getByText('Alleen PDF-, PNG- en JPEG-bestanden worden als bewijs aangenomen.').waitFor();

    await fileInput.setInputFiles({
      name: 'instellingen.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'),
    });
    await evidence.getByRole('button', { name: 'Bestand uploaden' }).click();
    await evidence.getByRole('link', { name: 'instellingen.pdf' }).waitFor();
    await screenshot(page, 'measures-evidence');

    await page.getByRole('link', { name: 'Alle maatregelen' }).click();
    await findings.getByText('Geen open bevindingen: de inventaris spreekt de maatregelen niet tegen.').waitFor();
    await findings.getByText('1 bevinding afgedekt door een maatregel met bewijs.').waitFor();
    await screenshot(page, 'measures-settled');
  });

  it('fills the activity’s security measures from the measures in place', async () => {
    const { page } = officer;
    await page.goto(`${server.url}/o/${owner.orgSlug}/register/activities/${activityId}`);
    await page.getByRole('button', { name: 'Invullen vanuit de maatregelen' }).click();
    const text = page.getByLabel('Technische en organisatorische maatregelen', { exact: true });
    await expect.poll(() => text.inputValue()).toBe('Tweestapsverificatie (Klantsysteem).');
  });
});
