/**
 * The UI languages. German is the default and the language of the concept
 * itself; English is a UI language only (dates and money stay in German format).
 * No i18n routing: the choice is a cookie, read in i18n/request.ts.
 */
export const LOCALES = ["de", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "de";
/** The cookie next-intl uses by convention; set by app/actions/locale.ts. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The cookie's value when it names a supported locale, otherwise German. */
export function resolveLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
