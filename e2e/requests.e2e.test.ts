import { desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../src/platform/mail/tables.ts';
import { choose, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { OWNER, type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/** A name with markup in it: the desk must show these characters, never an element. */
const HOSTILE_NAME = 'Jan <b>Jansen</b><img src=x onerror="window.__pwned=1">';
const EMAIL = 'jan.jansen@example.nl';

describe('a data-subject request from the public page to closing on the desk', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let visitor: E2eBrowser;
  let officer: E2eBrowser;
  let reference = '';

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    visitor = await openBrowser({ locale: 'nl-NL' });
    officer = await openBrowser({ locale: 'nl-NL' });
  });
  afterAll(async () => {
    await visitor?.close();
    await officer?.close();
    await server?.close();
  });
  screenshotFailures(() => [visitor?.page, officer?.page]);

  /** The confirmation link of the latest mail to the address, as its recipient would click it. */
  async function confirmationLink(email: string): Promise<string> {
    const [message] = await server.app.ctx.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.recipient, email))
      .orderBy(desc(mailMessages.createdAt))
      .limit(1);
    if (!message) throw new Error(`no mail to ${email}`);
    const link = server.app.ctx.secrets
      .open(message.bodySealed)
      .match(/https?:\/\/\S+\/request\/confirm\?token=[\w%-]+/);
    if (!link) throw new Error(`no confirmation link in the mail to ${email}`);
    return link[0];
  }

  it('takes a request on the public page without an account, proof of work solved in the browser', async () => {
    const { page } = visitor;
    await page.goto(`${server.url}/p/${owner.orgSlug}/request`);
    await page.getByRole('heading', { name: 'Privacyverzoek aan De Wit ICT-beheer' }).waitFor();
    await page.getByText('Wat gebeurt er hierna?').waitFor();
    // No members' navigation on the public page.
    expect(await page.getByRole('link', { name: 'Overzicht' }).count()).toBe(0);
    await page.getByLabel('Inzage', { exact: true }).check();
    await field(page, 'Naam').fill(HOSTILE_NAME);
    await field(page, 'E-mailadres').fill(EMAIL);
    await field(page, 'Toelichting (optioneel)').fill('Welke gegevens heeft u over mij?');
    await screenshot(page, 'requests-public-page');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Kijk in uw e-mail').waitFor();
    await page.getByText(`Wij hebben een e-mail gestuurd naar ${EMAIL}`, { exact: false }).waitFor();
    expect(visitor.problems).toEqual([]);
  });

  it('confirms by the mailed link and shows the reference and the due date', async () => {
    const { page } = visitor;
    await page.goto(await confirmationLink(EMAIL));
    await page.getByRole('heading', { name: 'Uw verzoek is ontvangen' }).waitFor();
    const desk = await owner.client.get(`/api/orgs/${owner.orgSlug}/requests`);
    const [item] = desk.body.items;
    reference = item.reference;
    expect(reference).toMatch(/^\d{4}-\d{4}$/);
    await page.getByRole('cell', { name: reference, exact: true }).waitFor();
    const due = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${item.deadline.due}T00:00:00Z`),
    );
    await page.getByText(`U krijgt uiterlijk op ${due} antwoord.`).waitFor();
    await screenshot(page, 'requests-confirmed');
    expect(visitor.problems).toEqual([]);
  });

  it('is handled on the desk: assigned, identity checked, closed, with every step in the timeline', async () => {
    const { page } = officer;
    await signInAsOwner(page, server.url);
    await page.getByRole('region', { name: 'Verzoeken' }).getByText('1 open verzoek', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Verzoeken', exact: true }).click();
    const table = page.getByRole('table', { name: 'Verzoeken' });
    await table.getByRole('link', { name: reference }).waitFor();
    // The markup typed in the name is text on the desk, not an element.
    await table.getByText(HOSTILE_NAME, { exact: true }).waitFor();
    expect(await table.locator('img, b').count()).toBe(0);
    await screenshot(page, 'requests-desk');

    await table.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: `Verzoek ${reference}` }).waitFor();
    await page.getByText(HOSTILE_NAME, { exact: true }).first().waitFor();
    expect(await page.locator('main img').count()).toBe(0);

    const assign = page.getByRole('region', { name: 'Toewijzen' });
    await assign.getByRole('button', { name: 'Aan mij toewijzen' }).click();
    await assign.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await timelineStep(page, `Toegewezen: ${OWNER.name}`);

    await choose(page, 'Hoe gecontroleerd', 'Identiteitsbewijs gezien (geen kopie bewaard)');
    const identity = page.getByRole('region', { name: 'Identiteit vastleggen' });
    await identity.getByLabel('Notitie').fill('Paspoort gezien aan de balie');
    await identity.getByRole('button', { name: 'Identiteit vastleggen' }).click();
    await timelineStep(page, 'Identiteit gecontroleerd: Identiteitsbewijs gezien (geen kopie bewaard)');

    await choose(page, 'Uitkomst', 'Uitgevoerd');
    await page
      .getByRole('region', { name: 'Verzoek sluiten' })
      .getByRole('button', { name: 'Verzoek sluiten' })
      .click();
    await timelineStep(page, 'Gesloten: Uitgevoerd');

    const steps = await page
      .getByRole('table', { name: 'Tijdlijn van het verzoek' })
      .locator('tbody tr')
      .allInnerTexts();
    const order = ['Ingediend', 'E-mailadres bevestigd', 'Toegewezen', 'Identiteit gecontroleerd', 'Gesloten'];
    const positions = order.map((step) => steps.findIndex((row) => row.includes(step)));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(steps.find((row) => row.includes('Toegewezen'))).toContain(OWNER.name);
    // The identity check's method and note are on the request (the timeline names the method).
    await page
      .getByRole('table', { name: 'Aanvrager' })
      .getByText(
        /Identiteitsbewijs gezien \(geen kopie bewaard\), door Anouk de Wit op .* — Paspoort gezien aan de balie/,
      )
      .waitFor();
    await screenshot(page, 'requests-detail-closed');

    await page.goto(`${server.url}/o/${owner.orgSlug}/requests?state=closed`);
    await page.getByRole('table', { name: 'Verzoeken' }).getByRole('link', { name: reference }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(officer.problems).toEqual([]);
  });
});

async function timelineStep(page: Page, text: string): Promise<void> {
  await page
    .getByRole('table', { name: 'Tijdlijn van het verzoek' })
    .getByText(text, { exact: false })
    .first()
    .waitFor();
}
