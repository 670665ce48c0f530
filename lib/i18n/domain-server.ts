import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { DEFAULT_LOCALE, LOCALE_COOKIE, resolveLocale, type Locale } from "./config";
import { domainTextFor, type DomainText } from "./domain-text";

/**
 * What the domain writes in German: its own texts ("domain") and the names lib/
 * shares with the UI (enumeration labels, template titles), which then need no
 * second copy in "domain".
 */
const pick = (messages: typeof de) => ({ domain: messages.domain, labels: messages.labels, template: messages.template });
const TREES: Record<Locale, ReturnType<typeof pick>> = { de: pick(de), en: pick(en) };

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
  let locale: Locale = DEFAULT_LOCALE;
  try {
    const { cookies } = await import("next/headers");
    locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    // no request scope
  }
  return domainText(locale);
}
