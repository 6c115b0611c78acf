import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUrl, signInAsOwner } from './register-helpers.ts';
import { type E2eBrowser, field, openBrowser, screenshot, screenshotFailures } from './support/browser.ts';
import { type SeededOwner, setupFirstOwner } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

/**
 * The privacy statement from the register: the Art. 13/14 check names what is missing, the officer writes an
 * introduction and publishes; a register change makes the statement out of date, a second version shows what
 * changed, and the public page shows markup typed into the register as text, never running it.
 */
const HOSTILE = '<img src=x onerror="window.__statementXss=1">Bestellingen leveren';

describe('the privacy statement', () => {
  let server: E2eServer;
  let owner: SeededOwner;
  let officer: E2eBrowser;
  let activityId: string;

  beforeAll(async () => {
    server = await startServer();
    owner = await setupFirstOwner(server);
    officer = await openBrowser({ locale: 'nl-NL' });
    const activity = await owner.client.post(`/api/orgs/${owner.orgSlug}/activities`, {
      name: 'Webwinkel',
      status: 'active',
      purposes: [HOSTILE],
      legalBasis: 'b',
    });
    if (activity.status !== 201) throw new Error(`activity: ${JSON.stringify(activity.body)}`);
    activityId = activity.body.id;
    await signInAsOwner(officer.page, server.url);
  });
  afterAll(async () => {
    await officer?.close();
    await server?.close();
  });
  screenshotFailures(() => [officer?.page]);

  it('checks, publishes, flags a register change, shows the diff and the public page', async () => {
    const { page } = officer;
    await page.goto(registerUrl(server.url, owner.orgSlug));
    const card = page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: 'Privacyverklaring' }) });
    await card.getByRole('link', { name: 'Openen' }).click();
    await page.getByRole('heading', { name: 'Privacyverklaring', level: 1 }).waitFor();

    const checklist = page.getByTestId('statement-checklist');
    const retention = checklist.locator('tr[data-item="13.2.a"]');
    await retention.getByText('Ontbreekt').waitFor();
    await retention.getByRole('link', { name: 'Webwinkel: bewaartermijn' }).waitFor();
    await screenshot(page, 'statement-checklist');

    await page.getByRole('tab', { name: 'Eigen teksten' }).click();
    await field(page, 'Inleiding (Nederlands)').fill('Welkom bij onze webwinkel.');
    await page.getByRole('button', { name: 'Teksten opslaan' }).click();
    await page.getByText('De teksten zijn opgeslagen.').waitFor();

    await page.getByRole('tab', { name: 'Voorbeeld' }).click();
    const preview = page.getByTestId('statement');
    await preview.getByText('Welkom bij onze webwinkel.').waitFor();
    await preview.getByText(HOSTILE).waitFor();

    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText(/^Versie 1 is gepubliceerd op/).waitFor();

    const changed = await owner.client.patch(`/api/orgs/${owner.orgSlug}/activities/${activityId}`, {
      purposes: [HOSTILE, 'Klantenservice'],
    });
    expect(changed.status).toBe(200);
    // The dashboard says so, and leads back to the statement.
    await page.goto(`${server.url}/o/${owner.orgSlug}`);
    await page.getByRole('link', { name: 'Bekijk en publiceer de privacyverklaring opnieuw' }).click();
    await page.getByText('De gepubliceerde verklaring is verouderd').waitFor();
    await screenshot(page, 'statement-out-of-date');
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText(/^Versie 2 is gepubliceerd op/).waitFor();
    expect(await page.getByText('De gepubliceerde verklaring is verouderd').count()).toBe(0);

    await page.getByRole('tab', { name: 'Versies' }).click();
    const diff = page.getByTestId('statement-diff');
    await diff.locator('[data-change="added"]', { hasText: 'Klantenservice' }).waitFor();
    await screenshot(page, 'statement-versions');

    await page.goto(`${server.url}/p/${owner.orgSlug}/privacy`);
    await page.getByText('Versie 2, gepubliceerd op', { exact: false }).first().waitFor();
    await page.getByText(HOSTILE).waitFor();
    await page.getByText('Klantenservice').waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __statementXss?: number }).__statementXss)).toBeUndefined();
    await screenshot(page, 'statement-public');

    await page.goto(`${server.url}/p/${owner.orgSlug}/privacy?version=1`);
    await page.getByText('U bekijkt een eerdere versie (1).').waitFor();
    expect(await page.getByText('Klantenservice').count()).toBe(0);
  });
});
