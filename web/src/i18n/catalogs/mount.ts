export type Messages = { [key: string]: string | Messages };

/** Module catalogs (web/src/i18n/<module>/<lang>.json) under their module's key, as `register.nav.overview`. */
export function mountModules(catalogs: Record<string, Messages>): Messages {
  return Object.fromEntries(
    Object.entries(catalogs).map(([file, messages]) => [file.split('/').at(-2) as string, messages]),
  );
}
