import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, PHONE, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/** The day the freelancer's backups moved into the EU (the seed page: "backups in the EU since a date"). */
const BACKUPS_SINCE = '2018-01-01';

describe('register: the guided start as a freelancer', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server, { name: 'Bram Visser Development' });
    browser = await openBrowser({ locale: 'nl-NL' });
    await signInAsOwner(browser.page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  it('asks a few plain questions and previews the register before saving anything', async () => {
    const { page } = browser;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'start'));
    await page.getByRole('link', { name: 'Vragen beantwoorden' }).click();
    await page.getByRole('heading', { name: 'Eerste register in een paar vragen' }).waitFor();

    await page.getByRole('radio', { name: /^Zzp'er of freelancer/ }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();

    await page.getByRole('switch', { name: 'Ik gebruik een e-mailprovider' }).check();
    await field(page, 'Welke e-mailprovider?').fill('Mailbox Noord');
    await page.getByRole('switch', { name: 'Ik gebruik een online boekhoudpakket' }).check();
    await field(page, 'Welk boekhoudpakket?').fill('Boekhoud Online');
    await page.getByRole('button', { name: 'Volgende' }).click();

    await page.getByRole('switch', { name: 'Mijn website of applicaties worden gehost' }).check();
    await field(page, 'Welke hostingpartij?').fill('Hosting Zuid');
    await page.getByRole('switch', { name: 'Ik maak back-ups bij een externe partij' }).check();
    await field(page, 'Welke back-uppartij?').fill('Back-up Centrale');
    await field(page, 'Sinds wanneer staan de back-ups daar?').fill(BACKUPS_SINCE);
    await page.getByLabel('Er is ook een externe (offsite) kopie').check();
    await field(page, 'Regio of plaats van de externe kopie').fill('Frankfurt');
    await screenshot(page, 'register-guided-hosting');
    await page.getByRole('button', { name: 'Bekijk mijn register' }).click();

    const vendors = page.getByRole('region', { name: /^Leveranciers/ });
    for (const name of ['Mailbox Noord', 'Boekhoud Online', 'Hosting Zuid', 'Back-up Centrale']) {
      await vendors.getByRole('listitem').filter({ hasText: name }).getByText('Nieuw').waitFor();
    }
    await page
      .getByRole('region', { name: /^Verwerkingen/ })
      .getByText('Klantadministratie en facturatie')
      .waitFor();
    await screenshot(page, 'register-guided-preview');
    const vendorsSaved = (await owner.client.get(`/api/orgs/${owner.orgSlug}/vendors`)).body;
    expect(vendorsSaved.total).toBe(0);
  });

  it('creates the register, which answers since when all backups are inside the EEA', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Register aanmaken' }).click();
    await page.getByText('Toegevoegd aan het register').waitFor();
    await page.getByRole('link', { name: 'Waar staan de gegevens?' }).last().click();

    const answer = page.getByTestId('eea-answer');
    await answer.getByText('Sinds 1 jan 2018 staan al deze kopieën binnen de EER').waitFor();
    await screenshot(page, 'register-guided-where');

    const status = (await owner.client.get(`/api/orgs/${owner.orgSlug}/locations/eea-status`)).body;
    expect(status).toMatchObject({ isAllInsideNow: true, allInsideSince: BACKUPS_SINCE, outside: [] });
    const backups = (await owner.client.get(`/api/orgs/${owner.orgSlug}/locations?on=2019-06-01&role=offsite_backup`))
      .body.locations;
    expect(backups).toEqual([expect.objectContaining({ country: 'DE', region: 'Frankfurt', since: BACKUPS_SINCE })]);
  });

  it('answers where the data was on a day, on a phone too', async () => {
    const phone = await openBrowser({ locale: 'nl-NL', viewport: PHONE });
    try {
      await signInAsOwner(phone.page, server.url);
      await phone.page.goto(registerUrl(server.url, owner.orgSlug, 'where?on=2019-06-01'));
      await phone.page.getByText('2 locaties op 1 jun 2019').waitFor();
      await phone.page.getByRole('cell', { name: 'Externe back-up' }).waitFor();
      // Mail, accounting and hosting were named without "since when": unknown on that day, never "since today".
      await phone.page.getByText(/^4 locaties zonder bekende begindatum/).waitFor();
      expect(await phone.page.getByTestId('unknown-since').getByText('Sinds: onbekend — later invullen').count()).toBe(
        4,
      );
      await phone.page.getByTestId('eea-answer').getByText('Sinds 1 jan 2018', { exact: false }).waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await screenshot(phone.page, 'register-where-phone');
      expect([...browser.problems, ...phone.problems]).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
