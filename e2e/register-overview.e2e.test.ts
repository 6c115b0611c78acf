import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

const CONTACT = 'Contactgegevens (naam, e-mail, telefoon, adres)';
const FINANCIAL = 'Financiële gegevens (bankrekening, facturen, betalingen)';
const ACTIVITY = 'Klantadministratie';
const SCC = "Modelcontractbepalingen (SCC's, art. 46 lid 2 sub c)";

interface Seeded {
  systems: Record<'moneybird' | 'mail', string>;
  vendors: Record<'moneybird' | 'postmark' | 'mailchimp', string>;
}

/** A GET on the organisation's API, as the server holds it. */
async function read(owner: SeededOwner, path: string) {
  const response = await owner.client.get(`/api/orgs/${owner.orgSlug}/${path}`);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function create(owner: SeededOwner, path: string, body: Record<string, unknown>): Promise<string> {
  const response = await owner.client.post(`/api/orgs/${owner.orgSlug}/${path}`, body);
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** A default category's id by its stable key. */
async function categoryId(owner: SeededOwner, kind: 'data' | 'subject', key: string): Promise<string> {
  const { items } = await read(owner, `${kind}-categories?includeArchived=true`);
  return items.find((category: { key: string }) => category.key === key).id;
}

/**
 * The register the pages show (through the API, it is not their subject): a Dutch administration system, a mail
 * service in the US without DPF and without a safeguard (as a vendor and as the location of its system), a
 * DPF-certified US vendor that no activity uses, and one activity that lacks its retention period.
 */
async function seedRegister(owner: SeededOwner): Promise<Seeded> {
  const contact = await categoryId(owner, 'data', 'contact-details');
  const financial = await categoryId(owner, 'data', 'financial');
  const vendors = {
    moneybird: await create(owner, 'vendors', { name: 'Moneybird B.V.', kind: 'processor', country: 'NL' }),
    postmark: await create(owner, 'vendors', { name: 'Postmark Inc.', kind: 'processor', country: 'US' }),
    mailchimp: await create(owner, 'vendors', {
      name: 'Mailchimp',
      kind: 'processor',
      country: 'US',
      isDpfCertified: true,
      dpfCertifiedSince: '2023-08-01',
    }),
  };
  const systems = {
    moneybird: await create(owner, 'systems', {
      name: 'Moneybird',
      kind: 'administration',
      vendorId: vendors.moneybird,
      dataCategoryIds: [contact, financial],
      locations: [{ role: 'primary', country: 'NL', since: '2023-01-01' }],
    }),
    mail: await create(owner, 'systems', {
      name: 'Transactiemail',
      kind: 'mailbox',
      vendorId: vendors.postmark,
      dataCategoryIds: [contact],
      locations: [{ role: 'primary', country: 'US', since: '2024-03-01' }],
    }),
  };
  await create(owner, 'activities', {
    name: ACTIVITY,
    purposes: ['Facturen sturen en betalingen bijhouden'],
    legalBasis: 'b',
    subjectCategoryIds: [await categoryId(owner, 'subject', 'customers')],
    dataCategoryIds: [contact],
    systemIds: [systems.moneybird, systems.mail],
    hasNoRecipients: true,
    securityMeasures: 'Tweestapsverificatie op beide accounts.',
    isDpiaRequired: false,
    dpiaReason: 'Gewone klantgegevens, kleinschalig.',
    reviewDate: '2027-12-01',
  });
  return { systems, vendors };
}

const tableRow = (page: Page, table: string, text: string) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: text });

/** Opens a register page from the side bar, as a person would. */
async function openFromNavigation(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

describe('register: categories, consolidation, transfers and the overview', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;
  let seeded: Seeded;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    seeded = await seedRegister(owner);
    browser = await openBrowser({ locale: 'nl-NL' });
    await signInAsOwner(browser.page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  it('shows the default Dutch categories and adds, changes and deletes a special category', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Verwerkingsregister' }).click();
    await openFromNavigation(page, 'Gegevenscategorieën', 'Gegevenscategorieën');
    await tableRow(page, 'Persoonsgegevens', 'Gezondheidsgegevens (ziekteverzuim)').getByText('Art. 9').waitFor();
    await tableRow(page, 'Persoonsgegevens', 'Strafrechtelijke gegevens (VOG)').getByText('Art. 10').waitFor();
    await tableRow(page, 'Persoonsgegevens', 'Burgerservicenummer (BSN)').getByText('BSN e.d.').waitFor();
    await tableRow(page, 'Persoonsgegevens', FINANCIAL).getByText('Financieel').waitFor();

    await page.getByRole('button', { name: 'Gegevenscategorie toevoegen' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Gegevenscategorie toevoegen' });
    await field(page, 'Naam (Nederlands)').fill('Keuringsuitslagen');
    await field(page, 'Naam (Engels)').fill('Medical examination results');
    await addDialog.getByLabel('Bijzonder (art. 9)').check();
    await addDialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await addDialog.waitFor({ state: 'hidden' });
    const added = tableRow(page, 'Persoonsgegevens', 'Keuringsuitslagen');
    await added.getByText('Art. 9').waitFor();
    await screenshot(page, 'register-categories');

    await added.getByRole('button', { name: 'Keuringsuitslagen wijzigen' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Gegevenscategorie wijzigen' });
    expect(await editDialog.getByLabel('Bijzonder (art. 9)').isChecked()).toBe(true);
    await field(page, 'Omschrijving').fill('Uitslagen van aanstellingskeuringen');
    await editDialog.getByRole('button', { name: 'Opslaan' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await added.getByText('Uitslagen van aanstellingskeuringen').waitFor();
    const { items } = await read(owner, 'data-categories?q=Keuring');
    expect(items).toEqual([
      expect.objectContaining({
        nameNl: 'Keuringsuitslagen',
        nameEn: 'Medical examination results',
        description: 'Uitslagen van aanstellingskeuringen',
        isSpecial: true,
        isCriminal: false,
        isNationalId: false,
      }),
    ]);

    // Unused, so it can go; the question names it.
    await added.getByRole('button', { name: 'Keuringsuitslagen verwijderen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Verwijderen' });
    await confirm.getByText('Wilt u „Keuringsuitslagen” verwijderen?', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Verwijderd', { exact: true }).waitFor();
    await added.waitFor({ state: 'detached' });
    expect((await read(owner, 'data-categories?q=Keuring')).items).toEqual([]);
  });

  it('archives a category in use instead of deleting it, and restores it', async () => {
    const { page } = browser;
    const financial = tableRow(page, 'Persoonsgegevens', FINANCIAL);
    await financial.getByText('1 systeem, 0 verwerkingen').waitFor();
    expect(await financial.getByRole('button', { name: `${FINANCIAL} verwijderen` }).count()).toBe(0);

    await financial.getByRole('button', { name: `${FINANCIAL} archiveren` }).click();
    await financial.waitFor({ state: 'detached' });
    // The switches live in the address; the page follows once the router has moved (hence click, not check).
    await page.getByLabel('Ook gearchiveerde tonen').click();
    await financial.getByText('Gearchiveerd').waitFor();
    const id = await categoryId(owner, 'data', 'financial');
    expect((await read(owner, `data-categories/${id}`)).isArchived).toBe(true);

    await financial.getByRole('button', { name: `${FINANCIAL} terugzetten` }).click();
    await financial.getByText('Gearchiveerd').waitFor({ state: 'detached' });
    expect((await read(owner, `data-categories/${id}`)).isArchived).toBe(false);
  });

  it('adds a vulnerable category of data subjects', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Betrokkenen' }).click();
    await tableRow(page, 'Betrokkenen', 'Klanten (particulieren)').getByText('1 verwerking').waitFor();
    await page.getByRole('button', { name: 'Categorie betrokkenen toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Categorie betrokkenen toevoegen' });
    await field(page, 'Naam (Nederlands)').fill('Leerlingen');
    await dialog.getByLabel('Kwetsbare groep').check();
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await tableRow(page, 'Betrokkenen', 'Leerlingen').getByText('Kwetsbaar').waitFor();

    const { items } = await read(owner, 'subject-categories?q=Leerlingen');
    // One name is enough: English falls back to it.
    expect(items).toEqual([
      expect.objectContaining({ nameNl: 'Leerlingen', nameEn: 'Leerlingen', isVulnerable: true }),
    ]);
    expect(browser.problems).toEqual([]);
  });

  it('counts per data category the vendors, systems and activities that touch it, with links to each', async () => {
    const { page } = browser;
    await openFromNavigation(page, 'Per gegevenscategorie', 'Per gegevenscategorie');
    const table = page.getByRole('table', { name: 'Per gegevenscategorie' });
    // Most vendors first; only the categories in use.
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const cells = (text: string) => tableRow(page, 'Per gegevenscategorie', text).getByRole('cell');
    expect(await table.getByRole('row').nth(1).getByRole('cell').first().innerText()).toContain(CONTACT);
    expect(await cells(CONTACT).nth(1).innerText()).toMatch(/^2\s+Moneybird B\.V\.\s+Postmark Inc\.$/);
    expect(await cells(CONTACT).nth(2).innerText()).toMatch(/^2\s+Moneybird\s+Transactiemail$/);
    expect(await cells(CONTACT).nth(3).innerText()).toMatch(new RegExp(`^1\\s+${ACTIVITY}$`));
    expect(await cells(FINANCIAL).nth(1).innerText()).toMatch(/^1\s+Moneybird B\.V\.$/);
    expect(await cells(FINANCIAL).nth(3).innerText()).toBe('0');
    await screenshot(page, 'register-consolidation');

    await page.getByLabel('Alleen gebruikte categorieën').click();
    await cells('Gezondheidsgegevens (ziekteverzuim)').first().getByText('Art. 9').waitFor();
    expect(await cells('Gezondheidsgegevens (ziekteverzuim)').nth(1).innerText()).toBe('0');

    await cells(CONTACT).nth(2).getByRole('link', { name: 'Transactiemail' }).click();
    await page.waitForURL(`**/register/systems/${seeded.systems.mail}`);
    await page.getByRole('heading', { name: 'Transactiemail' }).waitFor();
  });

  it('lists what the register still misses in plain Dutch, and updates when the organisation is fixed', async () => {
    const { page } = browser;
    const dashboardCard = () => page.getByRole('link', { name: 'Overzicht', exact: true }).click();
    await dashboardCard();
    await page.getByText('2 onderdelen ontbreken · 5 aandachtspunten').waitFor();
    await openFromNavigation(page, 'Overzicht en controle', 'Verwerkingsregister');
    await page.getByRole('alert').filter({ hasText: 'Het register is nog niet compleet' }).waitFor();
    await page.getByText('0 van 1 verwerkingen compleet · 2 onderdelen ontbreken · 5 aandachtspunten').waitFor();
    // The DPF-certified US vendor is used by no activity: the register does not say whose data it holds.
    await page
      .getByText('Mailchimp bewaart gegevens in Verenigde Staten (buiten de EER), maar geen verwerking gebruikt', {
        exact: false,
      })
      .waitFor();
    const address = 'Het adres van De Wit ICT-beheer is niet compleet (straat, postcode en plaats)';
    await page.getByText(address).waitFor();

    await page.getByRole('button', { name: new RegExp(`^${ACTIVITY}`) }).click();
    await page.getByText(`Geen bewaartermijn voor '${ACTIVITY}'`).waitFor();
    await page
      .getByText(`Doorgifte naar Verenigde Staten (Primaire opslag van Transactiemail) bij '${ACTIVITY}'`, {
        exact: false,
      })
      .waitFor();
    await screenshot(page, 'register-overview-incomplete');

    await page.getByRole('link', { name: 'Organisatiegegevens wijzigen' }).click();
    await field(page, 'Straat en huisnummer').fill('Stationsplein 12');
    await field(page, 'Postcode').fill('3818 LE');
    await field(page, 'Plaats').fill('Amersfoort');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De organisatiegegevens zijn opgeslagen.').waitFor();
    // The dashboard's card, read before the change, follows it at once.
    await dashboardCard();
    await page.getByText('1 onderdeel ontbreekt · 5 aandachtspunten').waitFor();

    await openFromNavigation(page, 'Overzicht en controle', 'Verwerkingsregister');
    await page.getByText(/^0 van 1 verwerkingen compleet · 1 onderdeel ontbreekt/).waitFor();
    await page.getByText(address).waitFor({ state: 'detached' });
    await page.getByText('Naam en adres van De Wit ICT-beheer zijn vastgelegd').waitFor();
    expect((await read(owner, 'register/completeness')).summary).toMatchObject({ missing: 1, completeActivities: 0 });
  });

  it('warns about transfers without a safeguard until one is recorded for the vendor and the location', async () => {
    const { page } = browser;
    await openFromNavigation(page, 'Doorgiften buiten de EER', 'Doorgiften buiten de EER');
    await page.getByText('2 bestemmingen hebben nog een waarborg nodig').waitFor();
    const postmark = tableRow(page, 'Doorgiften buiten de EER', 'Postmark Inc.');
    await postmark.getByText('Waarborg ontbreekt').waitFor();
    await postmark.getByText('Verenigde Staten').waitFor();
    const location = tableRow(page, 'Doorgiften buiten de EER', 'Primaire opslag van Transactiemail');
    await location.getByText('Waarborg ontbreekt').waitFor();
    // A US vendor under the Data Privacy Framework is covered by the adequacy decision; a Dutch one is not listed.
    await tableRow(page, 'Doorgiften buiten de EER', 'Mailchimp').getByText('Adequaatheidsbesluit').waitFor();
    expect(await tableRow(page, 'Doorgiften buiten de EER', 'Moneybird').count()).toBe(0);
    await screenshot(page, 'register-transfers');

    await postmark.getByRole('link', { name: 'Postmark Inc.' }).click();
    await page.getByRole('heading', { name: 'Postmark Inc.' }).waitFor();
    await choose(page, 'Waarborg voor doorgifte', SCC);
    await field(page, 'Toelichting op de waarborg').fill('SCC module 2, getekend op 1 maart 2024');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen', { exact: true }).waitFor();
    expect((await read(owner, `vendors/${seeded.vendors.postmark}`)).transferSafeguard).toBe('scc');

    await page.goBack();
    await page.getByText('1 bestemming heeft nog een waarborg nodig').waitFor();
    await postmark.getByText(SCC).waitFor();
    await location.getByRole('link', { name: 'Primaire opslag van Transactiemail' }).click();
    await page.getByRole('heading', { name: 'Transactiemail' }).waitFor();
    await page.getByRole('button', { name: 'Primaire opslag wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Locatie wijzigen' });
    await dialog.getByText('Verenigde Staten ligt buiten de EER: een waarborg is nodig').waitFor();
    await choose(page, 'Waarborg voor doorgifte', SCC);
    await dialog.getByText('Verenigde Staten ligt buiten de EER; de waarborg is nog niet volledig').waitFor();
    await field(page, 'Doorgiftetoetsing (TIA) uitgevoerd op').fill('2024-02-20');
    await field(page, 'Doorgiftetoetsing: document of notitie').fill('TIA transactiemail');
    await dialog.getByText('Verenigde Staten ligt buiten de EER; de waarborg is vastgelegd').waitFor();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const system = await read(owner, `systems/${seeded.systems.mail}`);
    expect(system.locations[0]).toMatchObject({ country: 'US', transferSafeguard: 'scc' });

    await page.goBack();
    await page.getByText('Geen bestemming heeft nog een waarborg nodig').waitFor();
    await choose(page, 'Waarborg', 'Waarborg ontbreekt');
    await page.getByText('Niets gevonden').waitFor();
    expect((await read(owner, 'register/transfers')).needsSafeguard).toBe(0);
    expect(browser.problems).toEqual([]);
  });

  it('shows the overview and the server’s findings in English after switching the language', async () => {
    const { page } = browser;
    await page.goto(registerUrl(server.url, owner.orgSlug));
    await page.getByText(/^1 van 1 verwerkingen compleet · 0 onderdelen ontbreken/).waitFor();
    await page.getByRole('button', { name: 'Taal' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Register of processing', exact: true }).waitFor();
    await page.getByText(/^1 of 1 activities complete · 0 items missing/).waitFor();
    await page.getByRole('button', { name: new RegExp(`^${ACTIVITY}`) }).click();
    await page.getByText(`No retention period for '${ACTIVITY}'`).waitFor();
    expect(await page.getByText(`Geen bewaartermijn voor '${ACTIVITY}'`).count()).toBe(0);
    await screenshot(page, 'register-overview-en');
    expect((await owner.client.get('/api/me')).body.locale).toBe('en');
    expect(browser.problems).toEqual([]);
  });

  it('asks once whether the Canadian recipients fall within the adequacy decision, and warns until answered', async () => {
    const { page } = browser;
    await create(owner, 'activities', {
      name: 'Shipping to Canada',
      transfers: [{ country: 'CA', recipient: 'Maple Logistics Inc.' }],
    });
    await page.goto(`${registerUrl(server.url, owner.orgSlug)}/transfers`);
    const question = page.getByRole('region', { name: 'Do your recipients in Canada fall within the decision?' });
    await question.getByText('Commercial organisations subject to PIPEDA only').waitFor();
    await question.getByText('Not answered yet.').waitFor();
    await tableRow(page, 'Transfers outside the EEA', 'Maple Logistics Inc.')
      .getByText('Scope not confirmed')
      .waitFor();
    await question.getByLabel('Note').fill('A commercial company, subject to PIPEDA');
    await question.getByRole('button', { name: 'Yes, they fall within it' }).click();
    await question.getByText(/^Answered on .*: the recipients fall within the decision\.$/).waitFor();
    await tableRow(page, 'Transfers outside the EEA', 'Maple Logistics Inc.').getByText('Adequacy decision').waitFor();
    const overview = await read(owner, 'register/transfers');
    expect(overview.scopeQuestions).toEqual([
      expect.objectContaining({
        country: 'CA',
        answer: expect.objectContaining({ isWithinScope: true, note: 'A commercial company, subject to PIPEDA' }),
      }),
    ]);
    await screenshot(page, 'register-transfers-scope-question');
    expect(browser.problems).toEqual([]);
  });
});
