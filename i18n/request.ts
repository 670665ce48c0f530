import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/config";

const catalogs = {
  de: () => import("../messages/de.json"),
  en: () => import("../messages/en.json"),
} satisfies Record<Locale, () => Promise<unknown>>;

/**
 * next-intl without i18n routing: the locale comes from the NEXT_LOCALE cookie
 * (set by the language switch), German when it is missing or unknown.
 */
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: (await catalogs[locale]()).default,
    // Same zone as lib/format.ts; also keeps server and client rendering in step.
    timeZone: "Europe/Berlin",
  };
});
