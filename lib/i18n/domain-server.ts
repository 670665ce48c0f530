import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { DEFAULT_LOCALE, LOCALE_COOKIE, resolveLocale, type Locale } from "./config";
import { domainTextFor, domainTrees, type DomainText } from "./domain-text";

const TREES: Record<Locale, ReturnType<typeof domainTrees>> = { de: domainTrees(de), en: domainTrees(en) };

/** The domain's German texts in the locale given (see domain-text.ts). */
export function domainText(locale: Locale): DomainText {
  return domainTextFor(locale, TREES.de, TREES[locale]);
}

/**
 * The translator for the language of the current request: the same NEXT_LOCALE
 * cookie i18n/request.ts reads. Outside a request (tests, scripts) German, so
 * callers need no request to run.
 */
export async function requestDomainText(): Promise<DomainText> {
  return domainText(await requestLocale());
}

/** The UI language of the current request (NEXT_LOCALE), German outside a request. */
export async function requestLocale(): Promise<Locale> {
  try {
    const { cookies } = await import("next/headers");
    return resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    // no request scope
    return DEFAULT_LOCALE;
  }
}
