import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, PHONE, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

const SYSTEM = 'Klantportaal';
const HOSTER = 'Polderhosting BV';
const OTHER_SYSTEM = 'Administratie Online';
const VENDOR = 'Werkplekbeheer Noord BV';
const CATEGORIES = ['Contactgegevens (naam, e-mail, telefoon, adres)', 'Inloggegevens en wachtwoorden'];
const SCC = "Modelcontractbepalingen (SCC's, art. 46 lid 2 sub c)";
const CLIENT_ACCESS = 'Beheeraccounts met tweestapsverificatie op de servers van onze klanten, via hun VPN.';

/** Today in the Netherlands (YYYY-MM-DD): the day the server retires a vendor on when none is given. */
const todayInAmsterdam = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

describe('register: systems with dated locations, and vendors', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;
  let systemUrl: string;
  let vendorUrl: string;
  const api = async (path: string) => (await owner.client.get(`/api/orgs/${owner.orgSlug}/${path}`)).body;
  const idOf = (url: string) => url.split('/').pop() as string;

  /** Answers a yes / no / unknown question (2FA, encryption). */
  const answer = (question: string, choice: 'Ja' | 'Nee' | 'Onbekend') =>
    browser.page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice }).check();

  /** The row of the system's locations table that shows this text (a kind of copy, or a country and place). */
  const locationRow = (text: string) =>
    browser.page.getByRole('table', { name: 'Locaties van de gegevens' }).getByRole('row').filter({ hasText: text });

  /** Opens the location dialog with a button, lets `fill` fill it in, saves, and waits until it has closed. */
  async function saveLocation(button: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
    const { page } = browser;
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    await fill(dialog);
    await dialog.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The names a register list shows, top to bottom. */
  const listedNames = (title: string) =>
    browser.page.getByRole('table', { name: title }).getByRole('link').allTextContents();

  /** One certification row of the vendor form: added with its button, then filled in. */
  async function addCertification(index: number, name: string, reference: string, validUntil: string) {
    const { page } = browser;
    await page.getByRole('button', { name: 'Certificering toevoegen' }).click();
    await field(page, 'Certificering').nth(index).fill(name);
    await field(page, 'Certificaatnummer of instelling').nth(index).fill(reference);
    await field(page, 'Geldig tot en met').nth(index).fill(validUntil);
  }

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    // A second system, so that the list has something to search, filter and sort past.
    await owner.client.post(`/api/orgs/${owner.orgSlug}/systems`, { name: OTHER_SYSTEM, kind: 'administration' });
    browser = await openBrowser({ locale: 'nl-NL' });
    await signInAsOwner(browser.page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  it('adds a system from the list with a new vendor, its data categories and its security', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Verwerkingsregister' }).click();
    await page.getByRole('link', { name: 'Systemen', exact: true }).click();
    await page.getByRole('link', { name: OTHER_SYSTEM }).waitFor();
    await page.getByRole('link', { name: 'Systeem toevoegen' }).click();
    await page.getByRole('heading', { name: 'Nieuw systeem' }).waitFor();

    await field(page, 'Naam').fill(SYSTEM);
    await choose(page, 'Soort systeem', 'Hosting');
    await page.getByRole('button', { name: 'Leverancier toevoegen' }).click();
    const vendorDialog = page.getByRole('dialog', { name: 'Leverancier toevoegen' });
    await vendorDialog.getByLabel(/^Naam/).fill(HOSTER);
    await vendorDialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await vendorDialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('combobox', { name: 'Leverancier' }).inputValue()).toBe(HOSTER);
    for (const category of CATEGORIES) {
      await choose(page, 'Categorieën persoonsgegevens', category, category.slice(0, 6));
    }
    await page.keyboard.press('Escape');
    await answer('Is tweestapsverificatie verplicht voor alle gebruikers?', 'Ja');
    await answer('Worden de gegevens versleuteld opgeslagen?', 'Ja');
    await page.getByRole('button', { name: 'Systeem aanmaken' }).click();

    await page.waitForURL(/\/register\/systems\/[0-9a-f-]{36}$/);
    systemUrl = page.url();
    await page.getByRole('heading', { name: SYSTEM }).waitFor();
    await page.getByText('Nog geen locaties vastgelegd.').waitFor();
    await screenshot(page, 'register-system-new');

    const saved = await api(`systems/${idOf(systemUrl)}`);
    expect(saved).toMatchObject({
      name: SYSTEM,
      kind: 'hosting',
      vendor: { name: HOSTER },
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      status: 'active',
      locations: [],
    });
    const categories = (await api('data-categories?limit=500')).items as { id: string; nameNl: string }[];
    const names = categories.filter((category) => saved.dataCategoryIds.includes(category.id)).map((c) => c.nameNl);
    expect(names.sort()).toEqual(CATEGORIES);
    expect((await api('vendors?q=Polder')).items).toEqual([
      expect.objectContaining({ name: HOSTER, kind: 'processor', country: 'NL', status: 'active' }),
    ]);
  });

  it('records dated locations: a US backup without a safeguard is flagged until SCCs are recorded', async () => {
    const { page } = browser;
    await saveLocation('Locatie toevoegen', async () => {
      await field(page, 'Regio of plaats').fill('Amsterdam');
      await field(page, 'Sinds').fill('2024-01-15');
    });
    const primary = locationRow('Primaire opslag');
    await primary.getByText('Nederland · Amsterdam').waitFor();
    await primary.getByText('Binnen de EER').waitFor();
    await primary.getByText('Sinds 15 jan 2024').waitFor();

    await saveLocation('Locatie toevoegen', async (dialog) => {
      await choose(page, 'Soort kopie', 'Externe back-up');
      await choose(page, 'Land', 'Verenigde Staten', 'Verenigde');
      await field(page, 'Sinds').fill('2024-03-01');
      await dialog.getByText('Verenigde Staten ligt buiten de EER: een waarborg is nodig').waitFor();
    });
    const backup = locationRow('Externe back-up');
    await backup.getByText('Waarborg ontbreekt').waitFor();
    await screenshot(page, 'register-system-missing-safeguard');

    await saveLocation('Externe back-up wijzigen (Verenigde Staten, sinds 1 mrt 2024)', async (dialog) => {
      await dialog.getByText('Verenigde Staten ligt buiten de EER: een waarborg is nodig').waitFor();
      await choose(page, 'Waarborg voor doorgifte', SCC);
      // SCCs alone are not enough: without a transfer impact assessment the safeguard is incomplete.
      await dialog.getByText('Verenigde Staten ligt buiten de EER; de waarborg is nog niet volledig').waitFor();
      await field(page, 'Doorgiftetoetsing (TIA) uitgevoerd op').fill('2024-02-20');
      await field(page, 'Doorgiftetoetsing: document of notitie').fill('TIA back-up VS, map Contracten');
      await dialog.getByText('Verenigde Staten ligt buiten de EER; de waarborg is vastgelegd').waitFor();
      await field(page, 'Toelichting op de waarborg').fill('SCC module 3, getekend op 1 maart 2024');
    });
    await backup.getByText('Waarborg vastgelegd').waitFor();
    expect(await backup.getByText('Waarborg ontbreekt').count()).toBe(0);

    const { locations } = await api(`systems/${idOf(systemUrl)}`);
    const us = locations.find((each: { role: string }) => each.role === 'offsite_backup');
    expect(us).toMatchObject({ country: 'US', since: '2024-03-01', until: null, transferSafeguard: 'scc' });
    expect(us.safeguardDetails).toBe('SCC module 3, getekend op 1 maart 2024');
    expect(us.transfer).toMatchObject({ status: 'safeguard-required', needsSafeguard: false, verdict: 'covered' });
    expect(us.transferImpactAssessment).toEqual({
      assessedOn: '2024-02-20',
      reference: 'TIA back-up VS, map Contracten',
    });
  });

  it('moves the primary copy: the old one gets a last day (not before its first), the new one its own row', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Primaire opslag wijzigen (Nederland, sinds 15 jan 2024)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Locatie wijzigen' });
    await field(page, 'Laatste dag').fill('2023-12-31');
    await dialog.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await dialog.getByText('De einddatum ligt vóór de begindatum.').waitFor();
    await field(page, 'Laatste dag').fill('2025-06-30');
    await dialog.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await saveLocation('Locatie toevoegen', async () => {
      await choose(page, 'Land', 'Duitsland', 'Duits');
      await field(page, 'Regio of plaats').fill('Frankfurt');
      await field(page, 'Sinds').fill('2025-07-01');
    });
    await locationRow('Nederland · Amsterdam').getByText('15 jan 2024 t/m 30 jun 2025').waitFor();
    await locationRow('Duitsland · Frankfurt').getByText('Sinds 1 jul 2025').waitFor();
    await page.getByRole('button', { name: 'Primaire opslag wijzigen (Duitsland, sinds 1 jul 2025)' }).waitFor();
    await screenshot(page, 'register-system-locations');

    const { locations } = await api(`systems/${idOf(systemUrl)}`);
    const primaries = locations.filter((each: { role: string }) => each.role === 'primary');
    expect(primaries).toEqual([
      expect.objectContaining({ country: 'NL', region: 'Amsterdam', since: '2024-01-15', until: '2025-06-30' }),
      expect.objectContaining({ country: 'DE', region: 'Frankfurt', since: '2025-07-01', until: null }),
    ]);
  });

  it('lists where the system keeps its data now, and finds it by search, filters and sort order', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Alle systemen' }).click();
    const row = page.getByRole('table', { name: 'Systemen' }).getByRole('row').filter({ hasText: SYSTEM });
    const whereNow = row.getByRole('cell').nth(3);
    await expect.poll(() => whereNow.textContent()).toContain('Duitsland (Primaire opslag)');
    expect(await whereNow.textContent()).toContain('Verenigde Staten (Externe back-up)');
    expect(await whereNow.textContent()).not.toContain('Nederland');
    expect(await row.getByText('Waarborg ontbreekt').count()).toBe(0);
    await row.getByText('2 gegevenscategorieën').waitFor();
    expect(await row.getByRole('cell', { name: 'Ja', exact: true }).count()).toBe(2);
    expect(await listedNames('Systemen')).toEqual([OTHER_SYSTEM, SYSTEM]);

    await field(page, 'Zoeken').fill('portaal');
    await page.getByRole('link', { name: OTHER_SYSTEM }).waitFor({ state: 'hidden' });
    await page.getByText('1 van 1 getoond').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('portaal');
    await page.getByRole('button', { name: 'Filters wissen' }).click();

    await choose(page, 'Soort systeem', 'Administratiepakket');
    await page.getByRole('link', { name: SYSTEM }).waitFor({ state: 'hidden' });
    expect(await listedNames('Systemen')).toEqual([OTHER_SYSTEM]);
    await page.getByRole('button', { name: 'Filters wissen' }).click();

    await choose(page, 'Leverancier', HOSTER);
    await page.getByRole('link', { name: OTHER_SYSTEM }).waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByText('1 van 1 getoond').waitFor();
    expect(await listedNames('Systemen')).toEqual([SYSTEM]);
    await page.getByRole('button', { name: 'Filters wissen' }).click();

    await page.getByRole('button', { name: 'Volgorde: Oplopend' }).click();
    await expect.poll(() => listedNames('Systemen')).toEqual([SYSTEM, OTHER_SYSTEM]);
    expect(browser.problems).toEqual([]);
  });

  it('adds a processor with its service, country, certifications, 2FA and access to client infrastructure', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Leveranciers', exact: true }).click();
    await page.getByRole('link', { name: HOSTER }).waitFor();
    await page.getByRole('link', { name: 'Leverancier toevoegen' }).click();
    await page.getByRole('heading', { name: 'Nieuwe leverancier' }).waitFor();

    await field(page, 'Naam').fill(VENDOR);
    await choose(page, 'Soort leverancier', 'Verwerker');
    await field(page, 'Diensten').fill('Beheer op afstand van werkplekken en servers');
    await choose(page, 'Land van vestiging', 'Duitsland', 'Duits');
    await answer('Gebruikt de leverancier tweestapsverificatie?', 'Ja');
    await addCertification(0, 'ISO 27001', 'Certificaat 2024-0173', '2027-03-31');
    await addCertification(1, 'ISAE 3402', 'Type II-verklaring 2024', '2024-12-31');
    await page.getByLabel('Heeft toegang tot de infrastructuur van onze klanten').check();
    await field(page, 'Tot welke klantomgevingen en hoe').fill(CLIENT_ACCESS);
    await page.getByRole('button', { name: 'Leverancier aanmaken' }).click();

    await page.waitForURL(/\/register\/vendors\/[0-9a-f-]{36}$/);
    vendorUrl = page.url();
    await page.getByRole('heading', { name: VENDOR }).waitFor();
    await page.getByText('Binnen de EER').waitFor();
    expect(await field(page, 'Certificering').last().inputValue()).toBe('ISO 27001');
    await screenshot(page, 'register-vendor-new');

    expect(await api(`vendors/${idOf(vendorUrl)}`)).toMatchObject({
      name: VENDOR,
      kind: 'processor',
      services: 'Beheer op afstand van werkplekken en servers',
      country: 'DE',
      hasMfa: true,
      canAccessClientInfrastructure: true,
      clientAccessDescription: CLIENT_ACCESS,
      status: 'active',
      certifications: [
        { name: 'ISAE 3402', reference: 'Type II-verklaring 2024', validUntil: '2024-12-31', isExpired: true },
        { name: 'ISO 27001', reference: 'Certificaat 2024-0173', validUntil: '2027-03-31', isExpired: false },
      ],
    });

    await page.getByRole('link', { name: 'Alle leveranciers' }).click();
    const row = page.getByRole('table', { name: 'Leveranciers' }).getByRole('row').filter({ hasText: VENDOR });
    await row.getByText('ISO 27001', { exact: true }).waitFor();
    await row.getByText('ISAE 3402 verlopen').waitFor();
    await row.getByText('Duitsland').waitFor();
  });

  it('retires the vendor: it stays in the list as history, under its own status filter', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: VENDOR }).click();
    await page.getByRole('heading', { name: VENDOR }).waitFor();
    await page.getByRole('button', { name: 'Beëindigen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Beëindigen' });
    await confirm.getByText(`Wilt u „${VENDOR}” beëindigen per vandaag?`, { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Beëindigen' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText(/^Beëindigd op /).waitFor();
    await page.getByText('Deze leverancier is beëindigd.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Weer in gebruik nemen' }).waitFor();
    expect(await api(`vendors/${idOf(vendorUrl)}`)).toMatchObject({ status: 'retired', retiredOn: todayInAmsterdam() });

    await page.getByRole('link', { name: 'Alle leveranciers' }).click();
    const table = page.getByRole('table', { name: 'Leveranciers' });
    await table.getByRole('row').filter({ hasText: VENDOR }).getByText('Niet meer in gebruik').waitFor();
    await choose(page, 'Status', 'Actief');
    await table.getByRole('link', { name: VENDOR }).waitFor({ state: 'hidden' });
    expect(await listedNames('Leveranciers')).toEqual([HOSTER]);
    await choose(page, 'Status', 'Niet meer in gebruik');
    await table.getByRole('link', { name: HOSTER }).waitFor({ state: 'hidden' });
    expect(await listedNames('Leveranciers')).toEqual([VENDOR]);
    await screenshot(page, 'register-vendors-retired');

    const retired = (await api('vendors?status=retired')).items as { name: string }[];
    expect(retired.map((vendor) => vendor.name)).toEqual([VENDOR]);
    expect(browser.problems).toEqual([]);
  });

  it('shows a system and its location dialog on a phone without the page scrolling sideways', async () => {
    const phone = await openBrowser({ locale: 'nl-NL', viewport: PHONE });
    try {
      await signInAsOwner(phone.page, server.url);
      await phone.page.goto(registerUrl(server.url, owner.orgSlug, `systems/${idOf(systemUrl)}`));
      await phone.page.getByRole('heading', { name: SYSTEM }).waitFor();
      await phone.page.getByRole('table', { name: 'Locaties van de gegevens' }).waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);

      await phone.page.getByRole('button', { name: 'Locatie toevoegen' }).click();
      const dialog = phone.page.getByRole('dialog', { name: 'Locatie toevoegen' });
      const since = await field(phone.page, 'Sinds').boundingBox();
      const until = await field(phone.page, 'Laatste dag').boundingBox();
      expect(since && until && until.y > since.y + since.height - 1).toBe(true);
      const box = await dialog.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
      await screenshot(phone.page, 'register-system-phone');
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
