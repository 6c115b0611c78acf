import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/** The freelance developer template's activities, as the register lists them in Dutch. */
const TEMPLATE_ACTIVITIES = [
  'E-mail en contactformulier',
  'Hosting en beheer van websites en applicaties van klanten',
  'Klantadministratie en facturatie',
  'Klantgegevens na afloop van de dienstverlening',
];

describe('register: starting from a template', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;
  const activityNames = async () =>
    ((await owner.client.get(`/api/orgs/${owner.orgSlug}/activities?limit=100`)).body.items as { name: string }[])
      .map((activity) => activity.name)
      .sort();

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    // One of the template's systems exists already: the preview must skip it, and applying must leave it alone.
    await owner.client.post(`/api/orgs/${owner.orgSlug}/systems`, {
      name: 'Zakelijke mailbox',
      kind: 'mailbox',
      description: 'Onze eigen omschrijving',
    });
    browser = await openBrowser({ locale: 'nl-NL' });
    await signInAsOwner(browser.page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  it('previews the template first and writes nothing until it is applied', async () => {
    const { page } = browser;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'activities'));
    await page.getByRole('link', { name: 'Snel starten met een sjabloon of een paar vragen' }).click();
    await page.getByRole('heading', { name: 'Snel starten' }).waitFor();
    await page.getByRole('link', { name: 'Sjabloon Freelance ontwikkelaar (zzp) bekijken' }).click();

    await page.getByRole('heading', { name: 'Sjabloon: Freelance ontwikkelaar (zzp)' }).waitFor();
    const activities = page.getByRole('region', { name: /^Verwerkingen/ });
    for (const name of TEMPLATE_ACTIVITIES) {
      await activities.getByRole('listitem').filter({ hasText: name }).getByText('Nieuw').waitFor();
    }
    const systems = page.getByRole('region', { name: /^Systemen/ });
    await systems
      .getByRole('listitem')
      .filter({ hasText: 'Zakelijke mailbox' })
      .getByText('Bestaat al, overslaan')
      .waitFor();
    await screenshot(page, 'register-template-preview');
    expect(await activityNames()).toEqual([]);
  });

  it('applies it and lists the activities; the existing system keeps its own description', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Toevoegen aan het register' }).click();
    await page.getByText('Toegevoegd aan het register').waitFor();
    await page.getByText('Verwerkingen: 4').waitFor();
    await page.getByRole('link', { name: 'Naar de verwerkingen' }).click();

    await page.getByRole('heading', { name: 'Verwerkingen', exact: true }).waitFor();
    const table = page.getByRole('table', { name: 'Verwerkingen' });
    for (const name of TEMPLATE_ACTIVITIES) await table.getByRole('link', { name }).waitFor();
    await page.getByText('4 van 4 getoond').waitFor();
    await screenshot(page, 'register-template-activities');

    expect(await activityNames()).toEqual(TEMPLATE_ACTIVITIES);
    const mailbox = (await owner.client.get(`/api/orgs/${owner.orgSlug}/systems?q=Zakelijke`)).body.items;
    expect(mailbox).toHaveLength(1);
    expect(mailbox[0].description).toBe('Onze eigen omschrijving');
  });

  it('previews the same template again as nothing new, and applying it again adds nothing', async () => {
    const { page } = browser;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'start/templates/freelancer'));
    await page.getByText('0 nieuwe onderdelen worden toegevoegd', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Toevoegen aan het register' }).click();
    await page.getByText('Verwerkingen: 0').waitFor();
    expect(await activityNames()).toEqual(TEMPLATE_ACTIVITIES);
    expect(browser.problems).toEqual([]);
  });
});
