import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { CHROMIUM_PATH } from '../project.ts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };

export interface E2eBrowser {
  context: BrowserContext;
  page: Page;
  /** Problems the page reported (uncaught errors, console errors): a passing flow has none. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile (its own --user-data-dir), speaking the given browser language.
 * Screenshots of failures go to SCREENSHOT_DIR when set.
 */
export async function openBrowser(
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<E2eBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'nl-NL',
    viewport: options.viewport ?? DESKTOP,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpectedConsoleError(message.text())) problems.push(message.text());
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser logs every 4xx answer as a console error; a refused request is part of several flows. */
function isExpectedConsoleError(text: string): boolean {
  return /Failed to load resource: the server responded with a status of 4\d\d/.test(text);
}

/** Saves a screenshot (for a person checking the pages) when SCREENSHOT_DIR is set. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The form field with this label (Mantine adds " *" to required fields' labels). */
export function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
}

/** After a failed test, screenshots of the pages as they were (when SCREENSHOT_DIR is set), for whoever debugs it. */
export function screenshotFailures(pages: () => (Page | undefined)[]): void {
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const name = `failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    const open = pages().filter((page): page is Page => page !== undefined);
    for (const [index, page] of open.entries()) await screenshot(page, `${name}-${index}`);
  });
}
