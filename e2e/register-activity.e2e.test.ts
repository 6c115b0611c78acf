import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, PHONE, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

const ACTIVITY = 'Nieuwsbrief voor klanten';

describe('register: a processing activity from scratch', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;
  let activityUrl: string;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    browser = await openBrowser({ locale: 'nl-NL' });
    await signInAsOwner(browser.page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  it('saves a new activity with only its name and lists, item by item, what Art. 30 still misses', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Verwerkingsregister' }).click();
    await page.getByRole('link', { name: 'Verwerkingen' }).click();
    await page.getByText('Nog geen verwerkingen').waitFor();
    await page.getByRole('link', { name: 'Verwerking toevoegen' }).click();
    await page.getByText('Sla de verwerking op; dan ziet u hier', { exact: false }).waitFor();

    await field(page, 'Naam van de verwerking').fill(ACTIVITY);
    await page.getByRole('button', { name: 'Verwerking aanmaken' }).click();

    await page.waitForURL(/\/register\/activities\/[0-9a-f-]{36}$/);
    activityUrl = page.url();
    await page.getByRole('heading', { name: ACTIVITY }).waitFor();
    const panel = page.getByRole('region', { name: 'Compleetheid' });
    await panel.getByText(/onderdelen ontbreken/).waitFor();
    for (const finding of [
      `Geen doeleinden voor '${ACTIVITY}'`,
      `Geen categorieën betrokkenen voor '${ACTIVITY}'`,
      `Geen rechtsgrond (art. 6) voor '${ACTIVITY}'`,
      `Geen bewaartermijn voor '${ACTIVITY}'`,
    ]) {
      await panel.getByText(finding).waitFor();
    }
    await screenshot(page, 'register-activity-missing');
  });

  it('completes it through the form, adding a system and a data category on the way', async () => {
    const { page } = browser;
    await field(page, 'Doel 1').fill('Klanten op de hoogte houden van nieuwe diensten');
    await choose(page, 'Categorieën betrokkenen', 'Nieuwsbriefabonnees', 'Nieuwsbrief');

    await page.getByRole('button', { name: 'Gegevenscategorie toevoegen' }).click();
    const categoryDialog = page.getByRole('dialog', { name: 'Gegevenscategorie toevoegen' });
    await field(page, 'Naam (Nederlands)').fill('Leesgedrag nieuwsbrief');
    await field(page, 'Naam (Engels)').fill('Newsletter reading behaviour');
    await categoryDialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await categoryDialog.waitFor({ state: 'hidden' });
    await page.getByText('Leesgedrag nieuwsbrief').waitFor();

    await choose(page, 'Rechtsgrond (art. 6 lid 1)', 'a. Toestemming');
    await field(page, 'Toelichting op de rechtsgrond').fill('Aanmelding met dubbele opt-in op de website.');

    await page.getByRole('button', { name: 'Systeem toevoegen' }).click();
    const systemDialog = page.getByRole('dialog', { name: 'Systeem toevoegen' });
    await systemDialog.getByLabel(/^Naam/).fill('Laposta');
    await choose(page, 'Soort systeem', 'Nieuwsbrief');
    await systemDialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await systemDialog.waitFor({ state: 'hidden' });
    await page.getByText('Laposta').waitFor();

    await page.getByLabel('Er zijn geen ontvangers').check();
    await choose(page, 'Nederlandse termijn als uitgangspunt', /^Nieuwsbriefabonnees: tot intrekking/, 'Nieuwsbrief');
    expect(await field(page, 'Tot welke gebeurtenis').inputValue()).toBe('Intrekking van de toestemming');
    await field(page, 'Technische en organisatorische maatregelen').fill(
      'Tweestapsverificatie op het account van de nieuwsbriefdienst; alleen de eigenaar heeft toegang.',
    );
    await page.getByRole('radiogroup', { name: 'Is een DPIA nodig?' }).getByRole('radio', { name: 'Nee' }).check();
    await field(page, 'Waarom (niet)?').fill('Kleinschalig, geen bijzondere gegevens, geen profilering.');
    await choose(page, 'Eigenaar', 'Anouk de Wit');
    await field(page, 'Herzien uiterlijk op').fill('2027-11-01');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();

    const panel = page.getByRole('region', { name: 'Compleetheid' });
    await panel.getByText('Compleet: niets ontbreekt van wat privacydesk controleert').waitFor();
    await panel.getByText(`Doeleinden vastgelegd voor '${ACTIVITY}'`).waitFor();
    await screenshot(page, 'register-activity-complete');

    // What the server now holds: the activity with the new system and category, and both in their own lists.
    const activityId = activityUrl.split('/').pop() as string;
    const saved = (await owner.client.get(`/api/orgs/${owner.orgSlug}/activities/${activityId}`)).body;
    expect(saved.completeness).toMatchObject({ isComplete: true, missing: 0 });
    expect(saved.systems.map((system: { name: string }) => system.name)).toEqual(['Laposta']);
    expect(saved.dataCategories.map((category: { name: string }) => category.name)).toEqual(['Leesgedrag nieuwsbrief']);
    expect(saved.retention).toMatchObject({ kind: 'until_event', presetId: 'newsletter' });
    expect(saved.legalBasis).toBe('a');
    const systems = (await owner.client.get(`/api/orgs/${owner.orgSlug}/systems?q=Laposta`)).body;
    expect(systems.items[0]).toMatchObject({ name: 'Laposta', kind: 'newsletter' });
  });

  it('asks before leaving with unsaved changes: stays when asked to, and leaves without saving', async () => {
    const { page } = browser;
    const purpose = field(page, 'Doel 1');
    await purpose.fill('Een doel dat niet wordt opgeslagen');
    const leaveForSystems = () => page.getByRole('link', { name: 'Systemen', exact: true }).click();
    const prompt = page.getByRole('dialog', { name: 'Wijzigingen niet opgeslagen' });

    await leaveForSystems();
    await prompt.getByRole('button', { name: 'Op deze pagina blijven' }).click();
    await prompt.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(activityUrl);
    expect(await purpose.inputValue()).toBe('Een doel dat niet wordt opgeslagen');

    await leaveForSystems();
    await prompt.getByRole('button', { name: 'Verlaten zonder opslaan' }).click();
    await page.getByRole('heading', { name: 'Systemen' }).waitFor();
    const activityId = activityUrl.split('/').pop() as string;
    const saved = (await owner.client.get(`/api/orgs/${owner.orgSlug}/activities/${activityId}`)).body;
    expect(saved.purposes).toEqual(['Klanten op de hoogte houden van nieuwe diensten']);
  });

  it('lists the activity as complete, found by search and by the completeness filter', async () => {
    const { page } = browser;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'activities?isComplete=false'));
    await page.getByText('Niets gevonden').waitFor();
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await field(page, 'Zoeken').fill('nieuwsbrief');
    const row = page.getByRole('row', { name: new RegExp(ACTIVITY) });
    await row.getByText('Compleet').waitFor();
    await row.getByText('Toestemming').waitFor();
    expect(browser.problems).toEqual([]);
  });

  it('shows the form and its completeness one below the other on a phone', async () => {
    const phone = await openBrowser({ locale: 'nl-NL', viewport: PHONE });
    try {
      await signInAsOwner(phone.page, server.url);
      await phone.page.goto(activityUrl);
      await phone.page.getByRole('heading', { name: ACTIVITY }).waitFor();
      const form = await phone.page.getByRole('form', { name: 'Verwerking' }).boundingBox();
      const panel = await phone.page.getByRole('region', { name: 'Compleetheid' }).boundingBox();
      expect(form && panel && panel.y > form.y + form.height - 1).toBe(true);
      expect(form && form.width <= PHONE.width).toBe(true);
      await screenshot(phone.page, 'register-activity-phone');
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
