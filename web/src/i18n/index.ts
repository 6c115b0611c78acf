import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

/**
 * One chunk per language with the web app's own texts, every module's texts and the server's error, validation
 * and role texts (one source of truth for what a person reads, whoever shows it). Only the language in use is
 * downloaded; the other follows when someone switches.
 */
const CATALOGS: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  nl: () => import('./catalogs/nl.ts'),
  en: () => import('./catalogs/en.ts'),
};

async function loadLanguage(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const { default: messages } = await CATALOGS[locale]();
  i18next.addResourceBundle(locale, 'translation', messages);
}

const STORAGE_KEY = 'privacydesk.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the language on this device, so the sign-in page keeps speaking it after sign-out. */
export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode without storage: the choice lasts this page load.
  }
}

/** The browser's first language we speak, or Dutch. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  return languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLocale) ?? DEFAULT_LOCALE;
}

/** Before anyone signs in: the choice made on this device, else the browser's language. */
export function signedOutLocale(): Locale {
  return storedLocale() ?? browserLocale();
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

export async function applyLocale(locale: Locale): Promise<void> {
  await loadLanguage(locale);
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export async function initI18n(): Promise<typeof i18next> {
  const locale = signedOutLocale();
  document.documentElement.lang = locale;
  await i18next.use(initReactI18next).init({
    resources: {},
    lng: locale,
    // No fallback language: both catalogs have the same keys (i18n.test.ts), and a fallback would download both.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage(locale);
  await i18next.changeLanguage(locale);
  return i18next;
}
