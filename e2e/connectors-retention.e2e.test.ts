import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase } from '../src/connectors/postgres/test-server.ts';
import { postgresUnavailableReason } from '../test/postgres-setup.ts';
import { choose, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Applications older than the 4 weeks of the register's retention, and ones still inside it. */
const OLD_FILES = ['cv-jansen.pdf', 'brief-jansen.pdf', 'cv-bakker.pdf'];
const NEW_FILES = ['cv-visser.pdf', 'brief-visser.pdf'];
const ACTIVITY = 'Werving en selectie';

/** Writes a file whose modification time lies `ageDays` in the past. */
function writeAged(directory: string, name: string, ageDays: number): void {
  const file = path.join(directory, name);
  writeFileSync(file, `Sollicitatie ${name}`);
  const when = new Date(Date.now() - ageDays * DAY_MS);
  utimesSync(file, when, when);
}

describe('connectors and retention: applications deleted 4 weeks after the procedure', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let browser: E2eBrowser;
  let root: string;
  let applications: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'privacydesk-e2e-files-'));
    applications = path.join(root, 'sollicitaties');
    mkdirSync(applications);
    for (const name of OLD_FILES) writeAged(applications, name, 60);
    for (const name of NEW_FILES) writeAged(applications, name, 5);
    server = await startServer();
    owner = await setupFirstOwner(server);
    const activity = await owner.client.post(`/api/orgs/${owner.orgSlug}/activities`, {
      name: ACTIVITY,
      purposes: ['Vacatures vervullen'],
      retention: { kind: 'period', amount: 4, unit: 'weeks', startEvent: 'einde van de procedure' },
    });
    if (activity.status !== 201) throw new Error(`activity: ${JSON.stringify(activity.body)}`);
    browser = await openBrowser({ locale: 'nl-NL' });
    await signInAsOwner(browser.page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  screenshotFailures(() => [browser?.page]);

  it('adds a files connector, tests the connection and defines the applications folder', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Opschonen' }).click();
    await page.getByRole('link', { name: 'Koppelingen' }).click();
    await page.getByRole('heading', { name: 'Koppelingen', exact: true }).waitFor();
    await page.getByText('Nog geen koppelingen').waitFor();
    await page.getByRole('link', { name: 'Koppeling toevoegen' }).first().click();

    await page.getByRole('heading', { name: 'Koppeling toevoegen' }).waitFor();
    await field(page, 'Naam').fill('Sollicitatiemap');
    await choose(page, 'Soort systeem', 'Map met bestanden');
    await field(page, 'Map op de server').fill(root);
    await page.getByRole('button', { name: 'Koppeling opslaan' }).click();

    await page.getByRole('heading', { name: 'Sollicitatiemap' }).waitFor();
    await page.getByText('Nog niet getest').waitFor();
    await page.getByRole('button', { name: 'Verbinding testen' }).click();
    await page.getByText('Verbinding werkt').waitFor();

    await page.getByRole('button', { name: 'Soort gegevens toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Soort gegevens toevoegen' });
    await dialog.getByRole('textbox', { name: /^Naam/ }).fill('Sollicitatiebrieven');
    await choose(page, 'Map', 'sollicitaties');
    await dialog.getByRole('button', { name: 'Soort gegevens opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const recordTypes = page.getByRole('table', { name: 'Soorten gegevens' });
    await recordTypes
      .getByRole('row', { name: /Sollicitatiebrieven/ })
      .getByText('Klopt met het systeem')
      .waitFor();
    await screenshot(page, 'connector-files');
  });

  it('makes a policy from the activity, previews it and has it approved', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Bewaarbeleid' }).click();
    await page.getByRole('heading', { name: 'Bewaartermijnen handhaven' }).waitFor();
    await page.getByText('Nog geen bewaarbeleid').waitFor();
    await page.getByRole('button', { name: 'Beleid maken vanuit verwerking' }).click();
    const dialog = page.getByRole('dialog', { name: 'Beleid maken vanuit een verwerking' });
    await choose(page, 'Verwerking', ACTIVITY);
    await choose(page, 'Soort gegevens', 'Sollicitatiebrieven (Sollicitatiemap)');
    await expect(dialog.getByRole('combobox', { name: /^Vanaf welke datum/ }).inputValue()).resolves.toBe('mtime');
    await dialog.getByRole('button', { name: 'Beleid maken' }).click();

    await page.getByRole('heading', { name: ACTIVITY }).waitFor();
    const summary = page.getByRole('region', { name: 'Wat dit beleid doet' });
    await summary.getByText('4 weken').waitFor();
    await summary.getByText('Verwijderen').waitFor();
    await page.getByText('Nog geen voorbeeld berekend', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Voorbeeld berekenen' }).click();
    const preview = page.getByRole('region', { name: 'Voorbeeld' });
    await preview.getByLabel('Gevonden: 3').waitFor();
    await preview.getByLabel('Wordt opgeschoond: 3').waitFor();
    await preview.getByLabel('Blijft bewaard: 0').waitFor();
    await screenshot(page, 'retention-preview');

    await preview.getByRole('button', { name: 'Goedkeuren' }).click();
    await preview.getByText('Goedgekeurd door Anouk de Wit', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Inschakelen' }).click();
    await summary.getByText('Ingeschakeld').waitFor();
  });

  it('runs now with live progress; the old applications are gone from disk, the recent ones stay', async () => {
    const { page } = browser;
    const runs = page.getByRole('region', { name: 'Uitvoeringen' });
    await runs.getByRole('button', { name: 'Nu uitvoeren' }).click();
    const live = runs.getByRole('status', { name: 'Voortgang' });
    await live.getByText('Klaar').waitFor({ timeout: 60_000 });
    await live.getByText('Verwijderd: 3', { exact: false }).waitFor();

    const history = runs.getByRole('table', { name: 'Eerdere uitvoeringen' });
    const row = history.getByRole('row').filter({ hasText: 'Klaar' });
    await row.getByText('Met de hand').waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(3, 8)).toEqual(['3', '0', '0', '0', '0']);
    await screenshot(page, 'retention-run');

    expect(readdirSync(applications).sort()).toEqual([...NEW_FILES].sort());
    for (const name of OLD_FILES) expect(existsSync(path.join(applications, name))).toBe(false);
  });

  it('lists the policy as switched on with its last run, and the activity as enforced', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Bewaarbeleid' }).click();
    const policy = page.getByRole('table', { name: 'Bewaarbeleid' }).getByRole('row', { name: new RegExp(ACTIVITY) });
    await policy.getByText('Ingeschakeld').waitFor();
    await policy.getByText('Klaar').waitFor();
    await policy.getByText('4 weken').waitFor();
    const coverage = page
      .getByRole('table', { name: 'Per verwerking' })
      .getByRole('row', { name: new RegExp(ACTIVITY) });
    await coverage.getByText('Handhaafd door beleid').waitFor();
    await screenshot(page, 'retention-overview');
    expect(browser.problems).toEqual([]);
  });

  it('the full policy form: the server names a missing period at its field; holds are added and lifted', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Nieuw beleid' }).click();
    await page.getByRole('heading', { name: 'Nieuw beleid' }).waitFor();
    await field(page, 'Naam').fill('Oude brieven');
    await choose(page, 'Soort gegevens', 'Sollicitatiebrieven (Sollicitatiemap)');
    await choose(page, 'Vanaf welke datum', 'mtime');
    await page.getByRole('button', { name: 'Beleid opslaan' }).click();
    await page
      .getByRole('textbox', { name: /^Aantal/ })
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();

    await field(page, 'Aantal').fill('2');
    await choose(page, 'Eenheid', 'jaren');
    await choose(page, 'Hoe vaak', 'Elke week');
    await choose(page, 'Dag', 'dinsdag');
    await page.getByRole('button', { name: 'Beleid opslaan' }).click();

    await page.getByRole('heading', { name: 'Oude brieven' }).waitFor();
    const summary = page.getByRole('region', { name: 'Wat dit beleid doet' });
    await summary.getByText('2 jaar').waitFor();
    await summary.getByText('Elke dinsdag om 02:00').waitFor();
    await summary.getByText('Concept').waitFor();
    await expect(page.getByRole('button', { name: 'Inschakelen' }).isDisabled()).resolves.toBe(true);

    const holds = page.getByRole('region', { name: 'Uitzonderingen' });
    await holds.getByText('Geen uitzonderingen.').waitFor();
    await holds.getByRole('button', { name: 'Uitzondering toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uitzondering toevoegen' });
    await dialog.getByLabel('Namen', { exact: true }).fill('Jansen');
    await dialog.getByLabel('Namen', { exact: true }).press('Enter');
    await dialog.getByRole('textbox', { name: /^Reden/ }).fill('Klacht in behandeling');
    await dialog.getByRole('button', { name: 'Uitzondering opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const hold = holds.getByRole('row', { name: /Klacht in behandeling/ });
    await hold.getByText('Een persoon').waitFor();
    await hold.getByText('Jansen').waitFor();
    await screenshot(page, 'retention-policy-holds');

    await hold.getByRole('button', { name: 'Opheffen' }).click();
    await page.getByRole('dialog', { name: 'Opheffen' }).getByRole('button', { name: 'Opheffen' }).click();
    await holds.getByText('Geen uitzonderingen.').waitFor();
    expect(browser.problems).toEqual([]);
  });

  it('a PostgreSQL connection: a closed port says why, then a table, its key and columns picked from the structure', async (context) => {
    const unavailable = await postgresUnavailableReason();
    if (unavailable) {
      console.warn(`[skipped: PostgreSQL connector in the browser] ${unavailable}`);
      context.skip();
    }
    const crm = await createPostgresTestDatabase('e2e_web');
    try {
      await crm.client.query(
        'CREATE TABLE clients (id serial PRIMARY KEY, email text, full_name text, ended_at timestamptz)',
      );
      const { page } = browser;
      await page.getByRole('link', { name: 'Koppelingen' }).click();
      await page.getByRole('link', { name: 'Koppeling toevoegen' }).click();
      await field(page, 'Naam').fill('CRM');
      await choose(page, 'Soort systeem', 'PostgreSQL-database');
      await field(page, 'Server').fill(crm.config.host);
      await field(page, 'Database').fill(crm.name);
      await field(page, 'Gebruikersnaam').fill(crm.config.user);
      await field(page, 'Wachtwoord').fill(crm.config.password || 'trust');
      await field(page, 'Poort').fill(String(await closedPort()));
      await page.getByRole('button', { name: 'Koppeling opslaan' }).click();
      await page.getByRole('heading', { name: 'CRM' }).waitFor();
      await page.getByRole('button', { name: 'Verbinding testen' }).click();
      await page.getByText('Het systeem is niet bereikbaar', { exact: false }).waitFor();

      await field(page, 'Wachtwoord')
        .getAttribute('placeholder')
        .then((text) => expect(text).toBe('opgeslagen'));
      await field(page, 'Poort').fill(String(crm.config.port));
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await page.getByRole('button', { name: 'Verbinding testen' }).click();
      await page.getByText('Verbinding werkt').waitFor();

      await page.getByRole('button', { name: 'Soort gegevens toevoegen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Soort gegevens toevoegen' });
      await dialog.getByRole('textbox', { name: /^Naam/ }).fill('Klanten');
      await choose(page, 'Tabel', 'clients');
      await expect(dialog.getByRole('combobox', { name: /^Sleutelkolom/ }).inputValue()).resolves.toBe('id (integer)');
      await pickMany(page, 'Kolommen met een datum', 'ended_at (timestamp with time zone)');
      await pickMany(page, 'Kolommen met gegevens over een persoon', 'email (text)');
      await choose(page, 'Wat staat er in email', 'E-mailadres');
      await dialog.getByRole('button', { name: 'Soort gegevens opslaan' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const recordType = page.getByRole('table', { name: 'Soorten gegevens' }).getByRole('row', { name: /Klanten/ });
      await recordType.getByText('Klopt met het systeem').waitFor();
      await recordType.getByText('Sleutelkolom: id').waitFor();
      await recordType.getByText('Kolommen met een datum: ended_at').waitFor();
      await recordType.getByText('Kolommen met gegevens over een persoon: email (E-mailadres)').waitFor();
      await screenshot(page, 'connector-postgres');
      expect(browser.problems).toEqual([]);
    } finally {
      await crm.drop();
    }
  });

  it('speaks English after a switch: the policy, its preview criteria and its run history', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Taal' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Retention policies' }).click();
    await page.getByRole('heading', { name: 'Enforcing retention periods' }).waitFor();
    await page.getByRole('table', { name: 'Retention policies' }).getByRole('link', { name: ACTIVITY }).click();
    const summary = page.getByRole('region', { name: 'What this policy does' });
    await summary.getByText('4 weeks').waitFor();
    await summary.getByText('Switched on').waitFor();
    await page
      .getByRole('region', { name: 'Preview' })
      .getByText('Sollicitatiebrieven older than 4 weeks', { exact: false })
      .waitFor();
    const history = page.getByRole('table', { name: 'Earlier runs' });
    await history.getByRole('row').filter({ hasText: 'Done' }).getByText('By hand').waitFor();
    await screenshot(page, 'retention-policy-en');
    expect(browser.problems).toEqual([]);
  });
});

/** Picks an option of a Mantine MultiSelect by its label, then closes its list. */
async function pickMany(page: Page, label: string, option: string): Promise<void> {
  // Playwright keeps waiting for the MultiSelect's field to take a plain click; a forced one opens its list.
  await page.getByRole('dialog').getByRole('combobox', { name: label, exact: true }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** A port on loopback that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
