import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { createOrganisation, OWNER, PASSWORD, type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

const MEMBER = { name: 'Pieter Bos', email: 'pieter@dewit-ict.example' };

describe('organisations, members, invitations, outbox and API tokens', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;
  let memberBrowser: E2eBrowser | undefined;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    for (const name of ['Bakkerij Jansen', 'Tandartspraktijk Smit']) {
      await createOrganisation(owner.client, { name, managedByOrgId: owner.orgId });
    }
    await createOrganisation(owner.client, { name: 'Vrije Ontwikkelaar Kees', isProcessor: true });
    browser = await openBrowser({ locale: 'nl-NL' });
    const { page } = browser;
    await page.goto(`${server.url}/sign-in`);
    await field(page, 'E-mailadres').fill(OWNER.email);
    await field(page, 'Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: `Welkom, ${OWNER.name}` }).waitFor();
  });
  afterAll(async () => {
    await memberBrowser?.close();
    await browser?.close();
    await server?.close();
  });
  screenshotFailures(() => [browser?.page, memberBrowser?.page]);

  it('groups client organisations under their ICT service provider and switches between them', async () => {
    const { page } = browser;
    await page.getByRole('combobox', { name: 'Organisatie' }).click();
    const listbox = page.getByRole('listbox');
    await listbox.getByText('De Wit ICT-beheer en klanten').waitFor();
    await listbox.getByText('Organisaties', { exact: true }).waitFor();
    const options = await listbox.getByRole('option').allTextContents();
    // The provider first, then its clients; the independent organisation in its own group.
    expect(options.map((option) => option.replace(/(eigenaar)$/i, '').trim())).toEqual([
      'Vrije Ontwikkelaar Kees',
      'De Wit ICT-beheer',
      'Bakkerij Jansen',
      'Tandartspraktijk Smit',
    ]);
    await screenshot(page, 'organisation-switcher');
    await listbox.getByRole('option', { name: /Bakkerij Jansen/ }).click();

    await page.waitForURL('**/o/bakkerij-jansen');
    await page.getByText('Beheerd door').waitFor();
    await page.getByText('De Wit ICT-beheer', { exact: true }).first().waitFor();
    expect(await page.getByRole('combobox', { name: 'Organisatie' }).inputValue()).toBe('Bakkerij Jansen');
  });

  it('creates a client organisation from the provider dashboard', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/o/de-wit-ict-beheer`);
    await page.getByRole('heading', { name: '2 klantorganisaties' }).waitFor();
    await page.getByRole('link', { name: 'Klantorganisatie toevoegen' }).click();
    await page.getByRole('heading', { name: 'Nieuwe organisatie' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Klant van' }).inputValue()).toBe('De Wit ICT-beheer');
    await field(page, 'Naam van de organisatie').fill('Kinderopvang De Speeltuin');
    await field(page, 'KvK-nummer').fill('24681357');
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();

    await page.waitForURL('**/o/kinderopvang-de-speeltuin');
    await page.getByText('24681357').waitFor();
    await page.goto(`${server.url}/o/de-wit-ict-beheer`);
    await page.getByRole('heading', { name: '3 klantorganisaties' }).waitFor();
    await page.getByRole('link', { name: 'Kinderopvang De Speeltuin' }).waitFor();
  });

  it('invites a member by e-mail and shows the invitation in the outbox', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Leden' }).click();
    await page.getByRole('heading', { name: 'Uitnodigingen' }).waitFor();
    const form = page.getByRole('form', { name: 'Iemand uitnodigen' });
    await form.getByLabel(/^E-mailadres/).fill('geen-adres');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await form.getByText('Geen geldig e-mailadres.').waitFor();

    await form.getByLabel(/^E-mailadres/).fill(MEMBER.email);
    await form.getByRole('combobox', { name: 'Rol' }).click();
    await page.getByRole('option', { name: 'Privacy officer' }).click();
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByText(`Uitnodiging verstuurd naar ${MEMBER.email}.`).waitFor();
    const invitation = page.getByRole('row').filter({ hasText: MEMBER.email });
    await invitation.getByText('Open').waitFor();
    await invitation.getByText('privacy officer').waitFor();

    await page.getByRole('link', { name: 'Uitgaande post' }).click();
    await page.getByText('E-mail gaat niet de deur uit').waitFor();
    const mail = page.getByRole('row').filter({ hasText: MEMBER.email });
    await mail.getByText('Vastgehouden').waitFor();
    await mail.getByRole('link', { name: 'Uitnodiging voor De Wit ICT-beheer op privacydesk' }).click();
    await page.getByRole('heading', { name: 'Uitnodiging voor De Wit ICT-beheer op privacydesk' }).waitFor();
    await page.getByText('Dit bericht bevat een eenmalige link', { exact: false }).waitFor();
    // Without SMTP a held message cannot leave, so it offers no "send again".
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'Opnieuw versturen' }).count()).toBe(0);
    await screenshot(page, 'outbox-message');
  });

  it('lets the invited person create an account in their browser language and join', async () => {
    memberBrowser = await openBrowser({ locale: 'en-GB' });
    const { page } = memberBrowser;
    const token = await server.tokenMailedTo(MEMBER.email, 'invitation');
    await page.goto(`${server.url}/invitations/${token}`);
    await page.getByText('You have been invited to De Wit ICT-beheer as privacy officer.').waitFor();
    await field(page, 'Name').fill(MEMBER.name);
    await field(page, 'Password').fill('kort');
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await page.getByText('The password needs at least 12 characters.').waitFor();
    await field(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account and join' }).click();

    await page.getByRole('heading', { name: `Welcome, ${MEMBER.name}` }).waitFor();
    expect(page.url()).toMatch(/\/o\/de-wit-ict-beheer$/);
    // A privacy officer sees the audit trail and the outbox, not the owners' API tokens.
    await page.getByRole('link', { name: 'Audit trail' }).waitFor();
    expect(await page.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    expect(memberBrowser.problems).toEqual([]);
  });

  it("changes a member's role, and keeps the last owner with the server's explanation", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/o/de-wit-ict-beheer/members`);
    const memberRole = page.getByRole('combobox', { name: `Rol van ${MEMBER.name}` });
    await memberRole.click();
    await page.getByRole('option', { name: 'Lezer' }).click();
    await expect.poll(() => memberRole.inputValue()).toBe('Lezer');
    const members = await owner.client.get(`/api/orgs/${owner.orgSlug}/members`);
    expect(members.body.members.find((m: { email: string }) => m.email === MEMBER.email).role).toBe('viewer');

    const ownRole = page.getByRole('combobox', { name: `Rol van ${OWNER.name}` });
    await ownRole.click();
    await page.getByRole('option', { name: 'Redacteur' }).click();
    await page
      .getByText('Een organisatie heeft minstens één eigenaar nodig. Maak eerst iemand anders eigenaar.')
      .waitFor();
    await expect.poll(() => ownRole.inputValue()).toBe('Eigenaar');
  });

  it('creates an API token shown once, records its use, and revokes it', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'API-tokens' }).click();
    await page.getByText('Nog geen API-tokens').waitFor();
    await page.getByRole('button', { name: 'Nieuw API-token' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Naam/).fill('CRM-koppeling');
    await dialog.getByRole('button', { name: 'Token aanmaken' }).click();
    await dialog.getByText('Dit token ziet u maar één keer').waitFor();
    const token = (await dialog.getByLabel('API-token', { exact: true }).textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThan(20);
    await dialog.getByRole('button', { name: 'Klaar, ik heb het token bewaard' }).click();

    const api = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await api(`/api/orgs/${owner.orgSlug}`)).status).toBe(200);
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'CRM-koppeling' });
    await row.getByText('Actief').waitFor();
    expect(await row.getByText('Nog niet gebruikt').count()).toBe(0);

    await row.getByRole('button', { name: 'Token CRM-koppeling intrekken' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Intrekken' }).click();
    await row.getByText('Ingetrokken').waitFor();
    expect((await api(`/api/orgs/${owner.orgSlug}`)).status).toBe(401);
    expect(browser.problems).toEqual([]);
  });
});
