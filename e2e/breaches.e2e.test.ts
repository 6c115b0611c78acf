import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../src/platform/mail/tables.ts';
import { choose, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/**
 * A breach from the register page to closing: recorded with the system it touched, the 72-hour clock running, the
 * triage on facts like EDPB 01/2021 case 07 (credential stuffing on a banking website: notify both), the decision,
 * the initial notification to the AP (the clock then says "gemeld"), a playbook step ticked, and closed. And a
 * moment of awareness before the breach happened, refused with the Dutch message on the field. Then a second
 * incident edited (only the consequences change), its notification to the AP read field by field with what is
 * still missing, and its letter to the people affected previewed and sent to two addresses.
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
    // The register as a workbook for the AP or an auditor (Art. 33(5)).
    const excel = page.getByRole('link', { name: 'Excel' });
    const workbook = await page.request.get(`${server.url}${await excel.getAttribute('href')}`);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-disposition']).toMatch(/datalekken-.+\.xlsx/);
    expect(officer.problems).toEqual([]);
  });

  it('edits an incident, shows the AP notification with what is missing, and sends the letter to the people', async () => {
    const { page } = officer;
    const created = await owner.client.post(`/api/orgs/${owner.orgSlug}/breaches`, {
      title: 'Klantenlijst naar verkeerde ontvanger',
      description: 'Een medewerker mailde de klantenlijst naar een verkeerd adres.',
      awareAt: new Date(Date.now() - 60 * 60_000).toISOString(),
      reportedBy: 'Afdeling verkoop',
      isConfidentialityBreach: true,
      approxPeople: 120,
      measuresTaken: 'De ontvanger gevraagd de mail te verwijderen.',
    });
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/o/${owner.orgSlug}/breaches/${created.body.id}`);
    await page.getByRole('heading', { name: `Datalek ${created.body.reference}` }).waitFor();

    // The notification to the AP: the consequences (Art. 33(3)(c)) are still missing.
    await page
      .getByRole('region', { name: 'Melding aan de Autoriteit Persoonsgegevens' })
      .getByRole('button', { name: 'Meldingstekst bekijken' })
      .click();
    let report = page.getByRole('dialog', { name: 'Melding aan de Autoriteit Persoonsgegevens' });
    await report.getByText('Nog te beschrijven').waitFor();
    const missingConsequences = report.getByText(/art\. 33 lid 3 sub c: Waarschijnlijke gevolgen van de inbreuk/);
    await missingConsequences.waitFor();
    const consequencesRow = report
      .getByRole('table', { name: 'Gevolgen' })
      .getByRole('row', { name: /Mogelijke gevolgen voor de betrokkenen/ });
    await consequencesRow.getByText('Ontbreekt').waitFor();
    const summaryRow = report.getByRole('row', { name: /Samenvatting/ });
    await summaryRow.getByText('Klantenlijst naar verkeerde ontvanger').waitFor();
    await summaryRow.getByRole('button', { name: 'Samenvatting kopiëren' }).waitFor();
    const pdf = report.getByRole('link', { name: 'PDF downloaden' });
    expect(await pdf.getAttribute('href')).toBe(
      `/api/orgs/${owner.orgSlug}/breaches/${created.body.id}/authority-report.pdf?locale=nl`,
    );
    expect(await pdf.getAttribute('download')).not.toBeNull();
    const download = await page.request.get(`${server.url}${await pdf.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    // The same content in English (the page around it keeps the person's language).
    await report.getByText('English', { exact: true }).click();
    await report.getByText(/sub c: Likely consequences of the breach/).waitFor();
    await report.getByRole('heading', { name: 'About the breach' }).waitFor();
    expect(await pdf.getAttribute('href')).toMatch(/locale=en$/);
    await screenshot(page, 'breaches-authority-report');
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'hidden' });

    // Edit: only the consequences change; the rest stays as it was.
    const facts = page.getByRole('region', { name: 'Wat er gebeurde' });
    await facts.getByRole('button', { name: 'Bewerken' }).click();
    const edit = page.getByRole('dialog', { name: 'Datalek bewerken' });
    expect(await edit.getByLabel(/^Titel( \*)?$/).inputValue()).toBe('Klantenlijst naar verkeerde ontvanger');
    // A moment the server refuses: its message appears at the field.
    const occurredAt = edit.getByLabel(/^Ontstaan op \(optioneel\)$/);
    await occurredAt.fill('2099-01-01T12:00');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.getByText('Het moment waarop het lek ontstond ligt in de toekomst.').waitFor();
    expect(await occurredAt.getAttribute('aria-invalid')).toBe('true');
    await occurredAt.fill('');
    await edit.getByLabel(/^Gevolgen$/).fill('Klanten kunnen ongewenste mail of phishing ontvangen.');
    await screenshot(page, 'breaches-edit');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.waitFor({ state: 'hidden' });
    const factsTable = facts.getByRole('table', { name: 'Wat er gebeurde' });
    await factsTable
      .getByRole('row', { name: /Gevolgen Klanten kunnen ongewenste mail of phishing ontvangen\./ })
      .waitFor();
    await factsTable
      .getByRole('row', { name: /Genomen maatregelen De ontvanger gevraagd de mail te verwijderen\./ })
      .waitFor();
    await factsTable.getByRole('row', { name: 'Gemeld door Afdeling verkoop' }).waitFor();
    await factsTable.getByRole('row', { name: 'Aantal betrokkenen (ongeveer) 120' }).waitFor();
    const stored = await owner.client.get(`/api/orgs/${owner.orgSlug}/breaches/${created.body.id}`);
    expect(stored.body).toMatchObject({
      description: 'Een medewerker mailde de klantenlijst naar een verkeerd adres.',
      reportedBy: 'Afdeling verkoop',
      isConfidentialityBreach: true,
      approxPeople: 120,
      consequences: 'Klanten kunnen ongewenste mail of phishing ontvangen.',
    });
    expect(stored.body.timeline.find((event: { kind: string }) => event.kind === 'updated')?.data).toEqual({
      fields: ['consequences'],
    });

    // The notification no longer misses the consequences.
    await page.getByRole('button', { name: 'Meldingstekst bekijken' }).click();
    report = page.getByRole('dialog', { name: 'Melding aan de Autoriteit Persoonsgegevens' });
    await report
      .getByRole('row', { name: /Mogelijke gevolgen voor de betrokkenen/ })
      .getByText('Klanten kunnen ongewenste mail of phishing ontvangen.')
      .waitFor();
    expect(await report.getByText(/sub c: Waarschijnlijke gevolgen/).count()).toBe(0);
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'hidden' });

    // The letter: prefilled from the incident, previewed in both languages, sent to two addresses.
    const letters = page.getByRole('region', { name: 'Brief aan de betrokkenen' });
    expect(await letters.getByLabel(/^Wat er is gebeurd/).inputValue()).toBe(
      'Een medewerker mailde de klantenlijst naar een verkeerd adres.',
    );
    expect(await letters.getByLabel(/^Mogelijke gevolgen voor u/).inputValue()).toBe(
      'Klanten kunnen ongewenste mail of phishing ontvangen.',
    );
    await letters.getByLabel(/^Wat u zelf kunt doen/).fill('Wees alert op mail die om uw gegevens vraagt.');
    // This organisation has no privacy contact yet: the letter must say whom to ask.
    await letters.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await letters.getByText('Geef aan bij wie mensen met vragen terechtkunnen', { exact: false }).waitFor();
    await letters.getByLabel(/^Contact voor vragen/).fill('Servicedesk, 010-1234567, privacy@example.nl');
    await letters.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const preview = letters.getByRole('region', { name: 'Voorbeeld van de brief' });
    await preview
      .getByRole('article', { name: 'Nederlands' })
      .getByText(/Wees alert op mail/)
      .waitFor();
    await preview.getByRole('article', { name: 'Engels' }).waitFor();

    await letters.getByLabel(/^Ontvangers/).fill('klant.een@voorbeeld.nl\ngeen adres\nclient.two@example.com;en');
    await letters.getByRole('button', { name: 'Versturen', exact: true }).click();
    await letters.getByText('Regel 2 is geen geldig e-mailadres (eventueel gevolgd door ;nl of ;en).').waitFor();
    await letters.getByLabel(/^Ontvangers/).fill('klant.een@voorbeeld.nl\nclient.two@example.com;en');
    await screenshot(page, 'breaches-subject-letter');
    await letters.getByRole('button', { name: 'Versturen', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Brief versturen' });
    await confirm.getByText('De brief gaat per e-mail naar 2 betrokkenen. Versturen?').waitFor();
    await confirm.getByRole('button', { name: 'Versturen naar 2 betrokkenen' }).click();
    await letters.getByText(/De brief staat klaar voor verzending aan 2 betrokkenen/).waitFor();

    const notifications = page.getByRole('region', { name: 'Meldingen' });
    const recorded = notifications.getByRole('table', { name: 'Meldingen' }).getByRole('row', { name: /Betrokkenen/ });
    await recorded.getByText('Per e-mail verstuurd aan 2 betrokkenen (via de uitgaande post).').waitFor();
    await recorded.getByText('Eerste melding').waitFor();
    await page
      .getByRole('region', { name: 'Tijdlijn' })
      .getByText(/Brief aan betrokkenen verstuurd/)
      .waitFor();
    const mails = await server.app.ctx.db
      .select({ recipient: mailMessages.recipient, locale: mailMessages.locale })
      .from(mailMessages)
      .where(and(eq(mailMessages.orgId, owner.orgId), eq(mailMessages.template, 'breaches.subjects')));
    expect(mails.sort((a, b) => a.recipient.localeCompare(b.recipient))).toEqual([
      { recipient: 'client.two@example.com', locale: 'en' },
      { recipient: 'klant.een@voorbeeld.nl', locale: 'nl' },
    ]);
    expect(officer.problems).toEqual([]);
  });

  it('changes the organisation’s playbook, and a new incident starts with its own step', async () => {
    const { page } = officer;
    await page.goto(`${server.url}/o/${owner.orgSlug}/breaches`);
    await page.getByRole('button', { name: 'Draaiboek' }).click();
    const editor = page.getByRole('dialog', { name: 'Draaiboek aanpassen' });
    await editor.getByText('Het lek stoppen', { exact: false }).waitFor();
    await editor.getByRole('button', { name: 'Eigen stap toevoegen' }).click();
    await editor.getByLabel('Omschrijving van stap 11').fill('ICT-partner bellen: 010-1234567');
    await screenshot(page, 'breaches-playbook-editor');
    await editor.getByRole('button', { name: 'Draaiboek opslaan' }).click();
    await editor.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Datalek vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Datalek vastleggen' });
    await field(page, 'Titel').fill('USB-stick kwijt');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByRole('group', { name: 'Evalueren' }).getByText('ICT-partner bellen: 010-1234567').waitFor();
    expect(officer.problems).toEqual([]);
  });
});
