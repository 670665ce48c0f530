/** Where the sign-in leads when no (acceptable) target was asked for. */
export const AFTER_SIGN_IN = "/concepts";

/**
 * A redirect target taken from the user (`/login?next=…`) as a path on this
 * app, or the fallback. The value is parsed the way a browser would
 * (`new URL(next, base)`: tabs and newlines dropped, backslashes and dot
 * segments resolved) and must land on the same origin; a path that starts with
 * two slashes is refused too, because as a Location it would name another host.
 */
export function safeRedirectPath(next: unknown, base: string, fallback: string = AFTER_SIGN_IN): string {
  if (typeof next !== "string" || next === "" || next.length > 2048) return fallback;
  const origin = new URL(base).origin;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  // The result alone must resolve to the same place (belt and braces).
  return new URL(path, origin).href === url.href ? path : fallback;
}
