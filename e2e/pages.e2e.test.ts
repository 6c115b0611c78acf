import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, PHONE, screenshot, screenshotFailures } from './support/browser.ts';
import { createOrganisation, type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/** Issue 9 points 7–11: what a person sees on the dashboard, the side bar, a phone, the outbox and the activity list. */
const LAPTOP = { width: 1366, height: 900 };
const OFFICER = { name: 'Fien de Groot', email: 'fien@dewit-ict.example' };
const DRAFTS = ['Salarisadministratie', 'Werving en selectie', 'Klantenservice'];

async function post(owner: SeededOwner, path: string, body: Record<string, unknown>) {
  const response = await owner.client.post(`/api/orgs/${owner.orgSlug}/${path}`, body);
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A register with three drafts (as a template leaves them), a privacy officer to own them, and a pending invitation. */
async function seed(server: E2eServer): Promise<SeededOwner> {
  const owner = await setupFirstOwner(server, {
    name: 'De Wit ICT-beheer en Netwerkoplossingen',
    kvkNumber: '12345678',
    isProcessor: true,
    street: 'Keizersgracht 1',
    postcode: '1015 CJ',
    city: 'Amsterdam',
  });
  await createOrganisation(owner.client, {
    name: 'Tandartspraktijk Lindelaan en Mondhygiëne',
    managedByOrgId: owner.orgId,
  });
  // A freelancer's organisation of the same person: on its own, a processor without client organisations.
  await createOrganisation(owner.client, { name: 'Eemcode Softwareontwikkeling', isProcessor: true });
  for (const name of DRAFTS) await post(owner, 'activities', { name });
  await post(owner, 'vendors', {
    name: 'Back-up Partners B.V.',
    kind: 'processor',
    country: 'NL',
    certifications: [{ name: 'ISO 27001', validUntil: '2024-06-30' }],
  });
  for (const name of ['Mailchimp', 'Zoom Video Communications']) {
    await post(owner, 'vendors', {
      name,
      kind: 'processor',
      country: 'US',
      isDpfCertified: true,
      dpfCertifiedSince: '2023-07-17',
    });
  }
  await post(owner, 'invitations', { email: OFFICER.email, role: 'privacy_officer' });
  return owner;
}

/** Whether any word inside the element is split over two lines (a word broken in the middle). */
async function wordsBrokenInside(locator: Locator): Promise<string[]> {
  return locator.evaluate((root) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** Elements inside the locator whose content is wider than their box (cut off or spilling out). */
async function overflowingInside(locator: Locator, selector: string): Promise<string[]> {
  return locator.evaluate(
    (root, css) =>
      [...root.querySelectorAll<HTMLElement>(css)]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent ?? ''),
    selector,
  );
}

/** Whether a person sees the element: its centre is on screen and not covered or clipped by anything else. */
async function isInSight(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === element || element.contains(hit));
  });
}

async function isInsideViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

describe('the pages as a person sees them', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let laptop: E2eBrowser;
  let phone: E2eBrowser;

  beforeAll(async () => {
    server = await startServer();
    owner = await seed(server);
    laptop = await openBrowser({ locale: 'nl-NL', viewport: LAPTOP });
    phone = await openBrowser({ locale: 'nl-NL', viewport: PHONE });
    await signInAsOwner(laptop.page, server.url);
    await signInAsOwner(phone.page, server.url);
  });
  afterAll(async () => {
    await laptop?.close();
    await phone?.close();
    await server?.close();
  });
  screenshotFailures(() => [laptop?.page, phone?.page]);

  it('lands the owner of an ICT provider on the provider, with nothing "coming soon" that exists', async () => {
    const { page } = laptop;
    await page.waitForURL(`**/o/${owner.orgSlug}`);
    const coming = page.getByRole('heading', { name: 'Binnenkort' }).locator('..');
    await page.getByRole('heading', { name: '1 klantorganisatie' }).waitFor();
    expect(await coming.textContent()).not.toContain('Leveranciers');
  });

  it('shows a freelancer without client organisations no client card', async () => {
    const { page } = laptop;
    await page.goto(`${server.url}/o/eemcode-softwareontwikkeling`);
    await page.getByRole('heading', { name: 'Organisatiegegevens' }).waitFor();
    await page.getByRole('heading', { name: 'Binnenkort' }).waitFor();
    expect(await page.getByRole('heading', { name: /klantorganisatie/ }).count()).toBe(0);
  });

  it('keeps the last side-bar items in view at 1366×900 with the register menu open', async () => {
    const { page } = laptop;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'activities'));
    await page.getByRole('heading', { name: 'Verwerkingen', exact: true }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await screenshot(page, 'sidebar-1366');
    for (const name of ['Audittrail', 'Uitgaande post']) {
      const link = navigation.getByRole('link', { name, exact: true });
      expect(await isInSight(link), `${name} in sight`).toBe(true);
    }
    // What does not fit (the account links below them) shows a scroll bar, so a person knows there is more.
    const scrolling = navigation.getByTestId('navbar-scroll');
    const viewport = scrolling.locator('.mantine-ScrollArea-viewport');
    const overflows = await viewport.evaluate((element) => element.scrollHeight > element.clientHeight);
    if (overflows) {
      expect(await scrolling.locator('.mantine-ScrollArea-scrollbar[data-orientation="vertical"]').isVisible()).toBe(
        true,
      );
    }
  });

  it('shows whole organisation names, role badges and group headings in the switcher', async () => {
    const { page } = laptop;
    await page.getByRole('combobox', { name: 'Organisatie' }).click();
    const listbox = page.getByRole('listbox');
    await listbox.getByRole('option').first().waitFor();
    await screenshot(page, 'switcher-1366');
    const dropdown = listbox.locator('xpath=ancestor::*[contains(@class, "Popover-dropdown")][1]');
    expect(await overflowingInside(dropdown, '[role="option"] *, [class*="groupLabel"]')).toEqual([]);
    const box = await dropdown.boundingBox();
    for (const badge of await listbox.locator('.mantine-Badge-root').all()) {
      const badgeBox = await badge.boundingBox();
      expect(badgeBox && box && badgeBox.x + badgeBox.width <= box.x + box.width).toBe(true);
    }
    await page.keyboard.press('Escape');
  });

  it('fits the dashboard on a phone: nothing wider than the screen, no word broken in the middle', async () => {
    const { page } = phone;
    await page.goto(`${server.url}/o/${owner.orgSlug}`);
    await page.getByRole('heading', { name: 'Organisatiegegevens' }).waitFor();
    await screenshot(page, 'dashboard-390');
    const main = page.locator('main');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await overflowingInside(main, 'dt, dd, h1, h2, p')).toEqual([]);
    expect(await wordsBrokenInside(main)).toEqual([]);
  });

  it('shows status and completeness of each activity on a phone', async () => {
    const { page } = phone;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'activities'));
    const row = page.getByRole('row').filter({ hasText: DRAFTS[0] as string });
    await row.waitFor();
    await screenshot(page, 'activities-390');
    // In sight: on screen and not clipped by the table's sideways scrolling.
    expect(await isInSight(row.getByText('Concept'))).toBe(true);
    expect(await isInSight(row.getByText(/onderdelen ontbreken/))).toBe(true);
    expect(await overflowingInside(page.locator('main'), '.mantine-Table-scrollContainer, table')).toEqual([]);
  });

  it('puts a summary of the completeness check at the top of an activity on a phone', async () => {
    const { page } = phone;
    await page
      .getByRole('row')
      .filter({ hasText: DRAFTS[0] as string })
      .getByRole('link')
      .click();
    const summary = page.getByTestId('completeness-summary');
    await summary.waitFor();
    await screenshot(page, 'activity-390');
    expect(await isInsideViewport(page, summary)).toBe(true);
    expect(await summary.textContent()).toMatch(/onderdelen ontbreken.*Verwerkingsdoeleinden/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const panel = page.getByRole('region', { name: 'Compleetheid' });
    expect(await overflowingInside(panel, 'li')).toEqual([]);
  });

  it('shows the outbox with a readable subject and kind of message, not a template key', async () => {
    const { page } = laptop;
    await page.goto(`${server.url}/o/${owner.orgSlug}/outbox`);
    const table = page.getByRole('table', { name: 'Uitgaande post' });
    await table.getByRole('link', { name: /Uitnodiging/ }).waitFor();
    await screenshot(page, 'outbox-1366');
    const text = await table.textContent();
    expect(text).toContain('Uitnodiging voor de organisatie');
    expect(text).not.toContain('organisations.invitation');
  });

  it('sets owner and review date of several activities at once, and confirms the drafts together', async () => {
    const { page } = laptop;
    const accepted = await server
      .client()
      .post(`/api/invitations/${encodeURIComponent(await server.tokenMailedTo(OFFICER.email, 'invitation'))}/accept`, {
        name: OFFICER.name,
        password: 'een ander lang wachtwoord met zinnen',
        locale: 'nl',
      });
    expect(accepted.status, JSON.stringify(accepted.body)).toBeLessThan(300);
    await page.goto(registerUrl(server.url, owner.orgSlug, 'activities'));
    await page.getByRole('checkbox', { name: `${DRAFTS[0]} selecteren` }).check();
    await page.getByRole('checkbox', { name: `${DRAFTS[1]} selecteren` }).check();
    await page
      .getByRole('region', { name: 'Geselecteerde verwerkingen' })
      .getByText('2 verwerkingen geselecteerd')
      .waitFor();
    await page.getByRole('button', { name: 'Eigenaar en herzieningsdatum' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Eigenaar', OFFICER.name);
    await field(page, 'Herzien uiterlijk op').fill('2027-10-01');
    await screenshot(page, 'bulk-owner-1366');
    await dialog.getByRole('button', { name: 'Toepassen' }).click();
    await page.getByText('2 verwerkingen bijgewerkt').waitFor();

    const list = await owner.client.get(`/api/orgs/${owner.orgSlug}/activities?limit=50`);
    const byName = new Map(list.body.items.map((item: any) => [item.name, item]));
    for (const name of DRAFTS.slice(0, 2)) {
      expect(byName.get(name)).toMatchObject({ owner: { name: OFFICER.name }, reviewDate: '2027-10-01' });
    }
    expect(byName.get(DRAFTS[2])).toMatchObject({ owner: null, reviewDate: null });

    await page.getByRole('checkbox', { name: 'Alle verwerkingen op deze pagina selecteren' }).check();
    await page.getByRole('button', { name: '3 concepten bevestigen' }).click();
    await page.getByText('3 verwerkingen bijgewerkt').waitFor();
    const confirmed = await owner.client.get(`/api/orgs/${owner.orgSlug}/activities?status=active&limit=50`);
    expect(confirmed.body.total).toBe(3);
  });

  it('explains the US adequacy decision once on the transfers page, not on every row', async () => {
    const { page } = laptop;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'transfers'));
    const table = page.getByRole('table', { name: 'Doorgiften buiten de EER' });
    await table.getByRole('row').filter({ hasText: 'Zoom Video Communications' }).waitFor();
    await screenshot(page, 'transfers-1366');
    const notes = page.getByRole('region', { name: 'Opmerkingen bij de adequaatheidsbesluiten' });
    const note = ((await notes.getByRole('listitem').allTextContents())[0] ?? '').trim();
    expect(note.length).toBeGreaterThan(20);
    expect(await table.getByText(note).count()).toBe(0);
    expect(await table.getByText('Zie opmerking 1 onder de tabel').count()).toBe(2);
  });

  it('keeps the completeness badges inside their panel beside the form, also on a small laptop', async () => {
    const { page } = laptop;
    // The narrowest screen with the panel beside the form (Mantine's md breakpoint), where it is tightest.
    await page.setViewportSize({ width: 1000, height: 768 });
    await page.goto(registerUrl(server.url, owner.orgSlug, 'activities'));
    await page.getByRole('link', { name: DRAFTS[2] as string }).click();
    const panel = page.getByRole('region', { name: 'Compleetheid' });
    await panel.getByText('Ontbreekt').first().waitFor();
    await screenshot(page, 'activity-1366');
    const box = await panel.boundingBox();
    for (const badge of await panel.getByText('Ontbreekt', { exact: true }).all()) {
      const badgeBox = await badge.boundingBox();
      expect(box && badgeBox && badgeBox.x + badgeBox.width <= box.x + box.width).toBe(true);
    }
    await page.setViewportSize(LAPTOP);
  });

  it('marks an expired certification the same way on the vendor page as in the vendor list', async () => {
    const { page } = laptop;
    await page.goto(registerUrl(server.url, owner.orgSlug, 'vendors'));
    const colourOf = (locator: Locator) =>
      locator.evaluate((element) => getComputedStyle(element.closest('.mantine-Badge-root') ?? element).color);
    const row = page.getByRole('row').filter({ hasText: 'Back-up Partners B.V.' });
    const inList = row.getByText('ISO 27001 verlopen');
    await inList.waitFor();
    const listColour = await colourOf(inList);
    await row.getByRole('link', { name: 'Back-up Partners B.V.' }).click();
    await page.getByRole('heading', { name: 'Back-up Partners B.V.' }).waitFor();
    const onPage = page.locator('main').getByText('ISO 27001 verlopen');
    await onPage.waitFor();
    await screenshot(page, 'vendor-1366');
    expect(await colourOf(onPage)).toBe(listColour);
  });

  it('shows the saved message without covering the user menu', async () => {
    const { page } = laptop;
    await page.goto(`${server.url}/o/${owner.orgSlug}/settings`);
    await field(page, 'Plaats').fill('Haarlem');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const toast = page.locator('.mantine-Notification-root').first();
    await toast.waitFor();
    const menu = await page.getByRole('button', { name: /Anouk de Wit/ }).boundingBox();
    const box = await toast.boundingBox();
    expect(menu && box).toBeTruthy();
    if (!menu || !box) return;
    const overlaps =
      box.x < menu.x + menu.width &&
      menu.x < box.x + box.width &&
      box.y < menu.y + menu.height &&
      menu.y < box.y + box.height;
    expect(overlaps).toBe(false);
  });
});
