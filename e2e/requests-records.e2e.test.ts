import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/**
 * An erasure request on the desk: the officer searches the connected systems (a files share holding two letters
 * about the person and one about someone else), ticks off the register system without a connector, erases one
 * letter, keeps the other with a reason, confirms the counts, and closes.
 */
describe('an erasure request carried out from the request page', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let officer: E2eBrowser;
  let root: string;
  let requestId: string;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    officer = await openBrowser({ locale: 'nl-NL' });
    root = mkdtempSync(path.join(tmpdir(), 'privacydesk-e2e-records-'));
    writeFileSync(path.join(root, 'offerte-kees.txt'), 'Offerte voor Kees Bakker, kees.bakker@example.nl');
    writeFileSync(path.join(root, 'factuur-kees.txt'), 'Factuur aan Kees Bakker, 06-11223344');
    writeFileSync(path.join(root, 'brief-anders.txt'), 'Brief aan iemand anders');
    const base = `/api/orgs/${owner.orgSlug}`;
    await owner.client.post(`${base}/systems`, { name: 'Papieren dossierkast', kind: 'other' });
    const connector = await owner.client.post(`${base}/connectors`, {
      name: 'Netwerkschijf',
      kind: 'files',
      settings: { root },
    });
    await owner.client.post(`${base}/connectors/${connector.body.id}/record-types`, {
      name: 'Documenten',
      definition: { directory: '', pattern: '*.txt' },
    });
    const request = await owner.client.post(`${base}/requests`, {
      right: 'erasure',
      channel: 'letter',
      receivedAt: new Date().toISOString().slice(0, 10),
      requester: { name: 'Kees Bakker', email: 'kees.bakker@example.nl' },
      locale: 'nl',
    });
    requestId = request.body.id;
  });
  afterAll(async () => {
    await officer?.close();
    await server?.close();
  });
  screenshotFailures(() => [officer?.page]);

  it('finds the person, erases one record after confirmation, keeps the other with a reason and closes', async () => {
    const { page } = officer;
    await signInAsOwner(page, server.url);
    await page.goto(`${server.url}/o/${owner.orgSlug}/requests/${requestId}`);
    const records = page.getByRole('region', { name: 'Gegevens van de verzoeker' });
    await records.getByLabel('Andere telefoonnummers').fill('+31 6 11223344');
    await records.getByRole('button', { name: 'Zoeken in gekoppelde systemen' }).click();
    await records.getByText('2 records gevonden').waitFor();

    const findings = page.getByRole('table', { name: 'Gevonden records (2)' });
    await choose(page, 'Besluit voor record offerte-kees.txt', 'Verwijderen');
    await choose(page, 'Besluit voor record factuur-kees.txt', 'Bewaren');
    await findings
      .getByLabel('Reden of nieuwe waarden voor record factuur-kees.txt')
      .fill('Fiscale bewaarplicht 7 jaar');
    await records.getByRole('button', { name: 'Besluiten opslaan' }).click();
    await records.getByRole('button', { name: 'Uitvoeren…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Besluiten uitvoeren' });
    await dialog.getByText('Verwijderen: 1').waitFor();
    await screenshot(page, 'requests-records-confirm');
    await dialog.getByRole('button', { name: 'Ja, uitvoeren' }).click();
    await findings.getByText('Uitgevoerd').waitFor();
    expect(existsSync(path.join(root, 'offerte-kees.txt'))).toBe(false);
    expect(existsSync(path.join(root, 'factuur-kees.txt'))).toBe(true);
    expect(existsSync(path.join(root, 'brief-anders.txt'))).toBe(true);

    // The register system without a connector must be ticked off before closing.
    const manual = page.getByRole('region', { name: 'Met de hand nakijken' });
    await manual.getByLabel('Papieren dossierkast').fill('Map doorgezocht, niets gevonden');
    await manual.getByRole('button', { name: 'Afvinken' }).click();
    await manual.getByText('✓ Papieren dossierkast', { exact: false }).waitFor();

    await choose(page, 'Uitkomst', 'Deels uitgevoerd');
    await page
      .getByRole('region', { name: 'Verzoek sluiten' })
      .getByRole('button', { name: 'Verzoek sluiten' })
      .click();
    await page.getByText('Gesloten: Deels uitgevoerd').waitFor();
    await screenshot(page, 'requests-records-closed');
    expect(officer.problems).toEqual([]);
  });
});
