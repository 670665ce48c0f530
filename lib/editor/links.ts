/**
 * THE check of a link target, shared by the editor (toolbar, paste, autolink),
 * the server's validation of rich text, comment linkification and the PDF.
 *
 * A target is read the way a browser reads it (WHATWG URL parsing via `new URL`:
 * leading/trailing control characters and spaces dropped, tabs and line breaks
 * removed anywhere, scheme lower-cased), so "java\tscript:", "\u0000javascript:"
 * or " JAVASCRIPT:" are seen as the javascript: links they are. Allowed are only
 * absolute http, https and mailto links and anchors inside the document ("#…").
 * Relative paths are refused: a text is printed, exported and shown on other
 * pages, where a relative path would point somewhere else.
 */

export const ALLOWED_LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

const PROTOCOLS = new Set(ALLOWED_LINK_PROTOCOLS.map((p) => `${p}:`));
const MAX_HREF = 2048;
/** An in-document anchor: letters, digits and a few separators (as the outline's anchors). */
const ANCHOR = /^#[\p{L}\p{N}_.:-]{1,200}$/u;

export const LINK_NOT_ALLOWED_HINT = "Erlaubt sind nur vollständige http-, https- und mailto-Links (z. B. https://www.musterstadt.de) und Sprungmarken (#…).";

/**
 * The target as browsers will use it (normalised, e.g. "HTTPS://Example.org" →
 * "https://example.org/"), or null when it is not allowed. Anchors are returned
 * as they are.
 */
export function safeHref(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_HREF) return null;
  if (value.startsWith("#")) return ANCHOR.test(value) ? value : null;
  let url: URL;
  try {
    // No base: anything that is not an absolute URL fails here.
    url = new URL(value);
  } catch {
    return null;
  }
  if (!PROTOCOLS.has(url.protocol)) return null;
  // "https://rathaus.de@evil.example" shows one host and opens another.
  if (url.username || url.password) return null;
  if (url.protocol === "mailto:" && url.pathname.replace(/^\/+/, "") === "") return null;
  return url.href;
}

export function isAllowedHref(value: unknown): boolean {
  return safeHref(value) !== null;
}

/**
 * What someone typed into the link prompt, completed the way people type
 * addresses: "www.musterstadt.de" becomes "https://www.musterstadt.de/",
 * "info@musterstadt.de" becomes a mailto link. Null when it is still not allowed.
 */
export function hrefFromInput(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  const direct = safeHref(value);
  if (direct) return direct;
  if (/^[^\s:/@]+@[^\s:/@]+\.[^\s:/@]+$/.test(value)) return safeHref(`mailto:${value}`);
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+([/?#]\S*)?$/u.test(value)) return safeHref(`https://${value}`);
  return null;
}
