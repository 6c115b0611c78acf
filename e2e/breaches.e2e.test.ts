import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/**
 * A breach from the register page to closing: recorded with the system it touched, the 72-hour clock running, the
 * triage on facts like EDPB 01/2021 case 07 (credential stuffing on a banking website: notify both), the decision,
 * the initial notification to the AP (the clock then says "gemeld"), a playbook step ticked, and closed. And a
 * moment of awareness before the breach happened, refused with the Dutch message on the field.
 */
describe('a breach recorded, triaged, notified and closed from the breach pages', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let officer: E2eBrowser;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    officer = await openBrowser({ locale: 'nl-NL' });
    await owner.client.post(`/api/orgs/${owner.orgSlug}/systems`, { name: 'Internetbankieren', kind: 'website' });
    await signInAsOwner(officer.page, server.url);
  });
  afterAll(async () => {
    await officer?.close();
    await server?.close();
  });
  screenshotFailures(() => [officer?.page]);

  it('refuses a moment of awareness before the breach happened, with the message on the field', async () => {
    const { page } = officer;
    await page.goto(`${server.url}/o/${owner.orgSlug}/breaches`);
    await page.getByRole('button', { name: 'Datalek vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Datalek vastleggen' });
    await field(page, 'Titel').fill('Verkeerd ingevoerd');
    await field(page, 'Ontstaan op (optioneel)').fill('2025-03-10T12:00');
    await field(page, 'Ontdekt op').fill('2025-03-10T09:00');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await dialog.getByText('Het moment van ontdekken ligt vóór het moment waarop het lek ontstond.').waitFor();
    await screenshot(page, 'breaches-bad-moment');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
  });

  it('records, triages, decides, notifies the AP, ticks a step and closes', async () => {
    const { page } = officer;
    await page.goto(`${server.url}/o/${owner.orgSlug}/breaches`);
    await page.getByRole('navigation').getByRole('link', { name: 'Datalekken' }).waitFor();
    await page.getByRole('button', { name: 'Datalek vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Datalek vastleggen' });
    await field(page, 'Titel').fill('Credential stuffing op internetbankieren');
    await field(page, 'Wat is er gebeurd?').fill('Inlogpogingen met gelekte wachtwoorden; 2000 rekeningen geopend.');
    await field(page, 'Gemeld door').fill('Servicedesk');
    await choose(page, 'Getroffen systemen', 'Internetbankieren');
    await dialog.getByLabel('Vertrouwelijkheid (gegevens gezien of meegenomen)').check();
    await field(page, 'Aantal betrokkenen (ongeveer)').fill('2000');
    await screenshot(page, 'breaches-record-form');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();

    await page.getByRole('heading', { name: /^Datalek DL-\d{4}-001$/ }).waitFor();
    const clock = page.getByRole('region', { name: '72-uursklok' });
    await clock.getByText(/^nog 7[12] u \d+ min$/).waitFor();
    await clock.getByText(/Uiterlijk melden bij de AP: \d{2}-\d{2}-\d{4} \d{2}:\d{2} \(\+0[12]:00\)/).waitFor();

    // The triage, on the facts of EDPB case 07: financial data and credentials, taken by an attacker.
    const triage = page.getByRole('region', { name: 'Beoordeling (triage)' });
    await triage.getByLabel('Financiële gegevens').check();
    await triage.getByLabel('Wachtwoorden of inloggegevens').check();
    await triage.getByLabel('Naam, adres, e-mail, telefoon').check();
    await choose(page, 'Zijn de gegevens gekopieerd of meegenomen?', 'Ja');
    await triage.getByLabel('Met opzet (aanvaller, dief of medewerker)').check();
    await triage.getByRole('button', { name: 'Beoordelen' }).click();
    const advice = triage.getByRole('table', { name: 'Advies' });
    await advice.getByRole('row', { name: 'Melden bij de AP Ja' }).waitFor();
    await advice.getByRole('row', { name: 'Betrokkenen informeren Ja' }).waitFor();
    await triage.getByText(/meld het binnen 72 uur/).waitFor();

    const decision = page.getByRole('region', { name: 'Besluit' });
    expect(await decision.getByLabel('Melden bij de Autoriteit Persoonsgegevens').isChecked()).toBe(true);
    expect(await decision.getByLabel('Betrokkenen informeren').isChecked()).toBe(true);
    await field(page, 'Motivering').fill('Advies gevolgd: financiële gegevens en wachtwoorden buitgemaakt.');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decision.getByText(/^Besloten op /).waitFor();

    const notifications = page.getByRole('region', { name: 'Meldingen' });
    await field(page, 'Kenmerk van de melding').fill('AP-2026-0042');
    await notifications.getByRole('button', { name: 'Melding vastleggen' }).click();
    await notifications.getByRole('table', { name: 'Meldingen' }).getByText('Eerste melding').waitFor();
    await clock.getByText('gemeld', { exact: true }).waitFor();

    const playbook = page.getByRole('region', { name: 'Draaiboek' });
    const stopLeak = 'Het lek stoppen (toegang intrekken, wachtwoorden wijzigen, systeem afsluiten)';
    await playbook.getByLabel(`Notitie bij ${stopLeak}`).fill('Alle sessies beëindigd, wachtwoorden gereset');
    await playbook.getByLabel(stopLeak, { exact: true }).click();
    await playbook.getByText(/Afgerond door .* — Alle sessies beëindigd, wachtwoorden gereset/).waitFor();

    await page.getByRole('button', { name: 'Incident afsluiten' }).click();
    await page.getByText('Dit incident is gesloten.').waitFor();
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    for (const kind of ['Vastgelegd', 'Beoordeeld', 'Besluit vastgelegd', 'Melding vastgelegd', 'Stap afgevinkt'])
      await timeline.getByText(kind, { exact: false }).first().waitFor();
    await screenshot(page, 'breaches-incident-closed');

    await page.goto(`${server.url}/o/${owner.orgSlug}/breaches`);
    const row = page.getByRole('row', { name: /Credential stuffing op internetbankieren/ });
    await row.getByText('gemeld').waitFor();
    await row.getByText('AP en betrokkenen').waitFor();
    await screenshot(page, 'breaches-register');
    expect(officer.problems).toEqual([]);
  });
});
