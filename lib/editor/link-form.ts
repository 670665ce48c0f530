/**
 * The link dialog's check: the address goes through the same rule as every
 * stored link (./links.ts), completed the way people type addresses
 * ("www.musterstadt.de", "info@musterstadt.de").
 */
import { hrefFromInput } from "./links";

export type LinkFormInput = { text: string; address: string };
export type LinkFormError = "addressMissing" | "addressNotAllowed";
export type LinkFormResult = { ok: true; text: string; href: string } | { ok: false; error: LinkFormError };

export function checkLinkForm({ text, address }: LinkFormInput): LinkFormResult {
  const typed = address.trim();
  if (!typed) return { ok: false, error: "addressMissing" };
  const href = hrefFromInput(typed);
  if (!href) return { ok: false, error: "addressNotAllowed" };
  // Without a link text, the address is shown as it was typed ("www.musterstadt.de", not "https://www.musterstadt.de/").
  return { ok: true, text: text.trim() ? text : typed, href };
}
