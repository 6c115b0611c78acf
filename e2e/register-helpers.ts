import type { Page } from 'playwright-core';
import { field } from './support/browser.ts';
import { OWNER, PASSWORD } from './support/seed.ts';

/** Signs the seeded owner in through the sign-in page and waits for the dashboard. */
export async function signInAsOwner(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await field(page, 'E-mailadres').fill(OWNER.email);
  await field(page, 'Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: `Welkom, ${OWNER.name}` }).waitFor();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Picks an option of a Mantine Select or MultiSelect: open it by its label, type to narrow, choose. */
export async function choose(page: Page, label: string, option: string | RegExp, search?: string): Promise<void> {
  const input = page.getByRole('combobox', { name: new RegExp(`^${escapeRegExp(label)}( \\*)?$`) });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** The address of an organisation's register page. */
export const registerUrl = (baseUrl: string, orgSlug: string, path = '') =>
  `${baseUrl}/o/${orgSlug}/register${path ? `/${path}` : ''}`;
