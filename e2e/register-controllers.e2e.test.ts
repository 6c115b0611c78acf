import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { createOrganisation, type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

describe('register: the controllers of a processor activity (Art. 30(2)(a))', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;
  let activityId: string;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    await createOrganisation(owner.client, {
      name: 'Bakkerij Zeef',
      managedByOrgId: owner.orgId,
      privacyContact: { kind: 'privacy_officer', name: 'Jan Zeef', email: 'jan@zeef.example' },
    });
    const created = await owner.client.post(`/api/orgs/${owner.orgSlug}/activities`, {
      name: 'Beheer voor klanten',
      role: 'processor',
      processingCategories: 'Beheer van werkplekken',
    });
    activityId = created.body.id;
    browser = await openBrowser({ locale: 'nl-NL' });
    await signInAsOwner(browser.page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page]);

  it('picks a managed client and adds an external controller; the check groups Art. 30 apart', async () => {
    const { page } = browser;
    await page.goto(registerUrl(server.url, owner.orgSlug, `activities/${activityId}`));
    const panel = page.getByRole('region', { name: 'Compleetheid' });
    await panel
      .getByText("Bij 'Beheer voor klanten' is geen verwerkingsverantwoordelijke gekoppeld", { exact: false })
      .waitFor();

    await choose(page, 'Klantorganisaties (verwerkingsverantwoordelijken)', 'Bakkerij Zeef');
    await page.getByText('Bakkerij Zeef: Jan Zeef, jan@zeef.example', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Andere verwerkingsverantwoordelijke toevoegen' }).click();
    await field(page, 'Andere verwerkingsverantwoordelijke (naam)').fill('Sportschool Sterk');
    await field(page, 'Contactgegevens').fill('info@sterk.example');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();

    await panel.getByText("Verwerkingsverantwoordelijke van 'Beheer voor klanten': Sportschool Sterk").waitFor();
    await panel.getByText("Verwerkingsverantwoordelijke van 'Beheer voor klanten': Bakkerij Zeef").waitFor();
    const art30 = panel.getByRole('region', { name: 'Vereist door artikel 30 AVG' });
    const further = panel.getByRole('region', {
      name: 'Ook gecontroleerd door privacydesk (niet vereist door artikel 30)',
    });
    await art30.getByText("Verwerkingsverantwoordelijke van 'Beheer voor klanten': Bakkerij Zeef").waitFor();
    await further.getByText("Geen eigenaar voor 'Beheer voor klanten'").waitFor();
    await screenshot(page, 'register-activity-controllers');

    const saved = (await owner.client.get(`/api/orgs/${owner.orgSlug}/activities/${activityId}`)).body;
    expect(
      saved.controllers.map((controller: { kind: string; name: string }) => [controller.kind, controller.name]),
    ).toEqual([
      ['managed_org', 'Bakkerij Zeef'],
      ['external', 'Sportschool Sterk'],
    ]);
    expect(browser.problems).toEqual([]);
  });
});
