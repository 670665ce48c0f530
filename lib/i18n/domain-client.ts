import { DEFAULT_LOCALE, resolveLocale } from "./config";
import type { DomainText } from "./domain-text";

/**
 * In the browser: the domain's German texts (the messages of a schema a form
 * checks before sending, lib/measures/schema.ts) in the page's language, the
 * `lang` of <html> that the root layout sets. The catalogues load only when the
 * page is not German, and only when a form first needs them.
 */
export async function loadDomainText(): Promise<DomainText> {
  const locale = resolveLocale(typeof document === "undefined" ? undefined : document.documentElement.lang);
  if (locale === DEFAULT_LOCALE) return (text) => text;
  const [{ default: de }, { default: en }, { domainTextFor, domainTrees }] = await Promise.all([
    import("@/messages/de.json"),
    import("@/messages/en.json"),
    import("./domain-text"),
  ]);
  return domainTextFor(locale, domainTrees(de), domainTrees(en));
}

/** Every message of a form's field errors through the translator. */
export function translateFieldErrors(errors: Record<string, string>, dt: DomainText): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, dt(message)]));
}
