import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  errors as serverErrorsEn,
  roles as serverRolesEn,
  validation as serverValidationEn,
} from '../../../src/platform/i18n/en.json';
import {
  errors as serverErrorsNl,
  roles as serverRolesNl,
  validation as serverValidationNl,
} from '../../../src/platform/i18n/nl.json';
import en from './en.json';
import nl from './nl.json';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

type Messages = { [key: string]: string | Messages };

/** Texts of a module's pages kept in their own files, web/src/i18n/<module>/{nl,en}.json, under the key <module>. */
const moduleCatalogs = import.meta.glob<Messages>('./*/{nl,en}.json', { eager: true, import: 'default' });

function moduleTexts(locale: 'nl' | 'en'): Messages {
  return Object.fromEntries(
    Object.entries(moduleCatalogs)
      .filter(([file]) => file.endsWith(`/${locale}.json`))
      .map(([file, messages]) => [file.split('/')[1] as string, messages]),
  );
}

/**
 * The web app's own texts plus the server's error, validation and role texts: one source of truth for what a
 * person reads, whether the message comes from the server or is shown before anything was sent.
 */
export const resources = {
  nl: {
    translation: {
      ...nl,
      ...moduleTexts('nl'),
      errors: serverErrorsNl,
      validation: serverValidationNl,
      roles: serverRolesNl,
    },
  },
  en: {
    translation: {
      ...en,
      ...moduleTexts('en'),
      errors: serverErrorsEn,
      validation: serverValidationEn,
      roles: serverRolesEn,
    },
  },
};

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
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export async function initI18n(): Promise<typeof i18next> {
  const locale = signedOutLocale();
  document.documentElement.lang = locale;
  await i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
