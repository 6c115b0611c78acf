import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eBrowser, field, openBrowser, screenshot } from './support/browser.ts';
import { PASSWORD } from './support/seed.ts';
import { type E2eServer, startServer } from './support/server.ts';

describe('first start', () => {
  let server: E2eServer;
  let browser: E2eBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser({ locale: 'nl-NL' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends the first visitor to setup, shows field errors in Dutch, and creates the owner and organisation', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { name: 'privacydesk inrichten' }).waitFor();

    await field(page, 'Naam').fill('Bram Visser');
    await field(page, 'E-mailadres').fill('bram@visser-advies.example');
    await field(page, 'Wachtwoord').fill(PASSWORD);
    await field(page, 'Naam van de organisatie').fill('Visser Advies');
    await field(page, 'KvK-nummer').fill('1234');
    await field(page, 'Postcode').fill('1234');
    await page.getByRole('button', { name: 'privacydesk inrichten' }).click();

    // The server's validation messages, in Dutch, at the fields they belong to; nothing was created.
    await page.getByText('Een KvK-nummer heeft precies 8 cijfers.').waitFor();
    await page.getByText('Een Nederlandse postcode ziet eruit als 1234 AB.').waitFor();
    expect(page.url()).toMatch(/\/setup$/);
    expect((await server.client().get('/api/auth/session')).body.needsSetup).toBe(true);
    await screenshot(page, 'setup-errors');

    await field(page, 'KvK-nummer').fill('87654321');
    await field(page, 'Postcode').fill('3511 AB');
    await field(page, 'Plaats').fill('Utrecht');
    await page.getByRole('button', { name: 'privacydesk inrichten' }).click();

    await page.getByRole('heading', { name: 'Welkom, Bram Visser' }).waitFor();
    expect(page.url()).toMatch(/\/o\/visser-advies$/);
    await page.getByText('87654321').waitFor();
    expect(await page.getByRole('combobox', { name: 'Organisatie' }).inputValue()).toBe('Visser Advies');
    expect(browser.problems).toEqual([]);
  });
});
