"use server";
import { cookies } from "next/headers";
import { setUserLocale } from "@/db/queries/mail";
import { currentActor } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * The language switch. Deliberately without a session check: it only stores a
 * display preference in a cookie (also before sign-in), reads and writes no
 * data (except, when signed in, the person's own mail language), and accepts nothing but "de" or "en". Setting a cookie in a server
 * action re-renders the current page in the new language.
 */
export async function setLocaleAction(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: ONE_YEAR_SECONDS, sameSite: "lax", path: "/", httpOnly: true });
  // Signed in, the choice is also the language of the person's mails (lib/mail/templates.ts).
  const actor = await currentActor();
  if (actor) await setUserLocale({ userId: actor.id, locale });
}
