/**
 * Where the app is reachable and who is asking: the one place that reads
 * APP_URL, TRUST_PROXY, Host and the X-Forwarded-* headers. Everything that
 * compares origins, builds absolute links or keys on the caller's address
 * goes through here.
 *
 * Forwarded headers (X-Forwarded-Host/-Proto/-For) are believed only when the
 * operator says a reverse proxy sets them (`TRUST_PROXY=1`, or the number of
 * proxies). Without it scripts/start.ts drops them from every request, and
 * Next.js fills them in from the socket.
 *
 * No Next.js imports: used by proxy.ts, route handlers, server actions,
 * scripts/start.ts and unit tests alike.
 */

/** The variables read here (process.env by default; tests pass their own). */
export type Env = Record<string, string | undefined>;

/** A request, or its headers (e.g. `await headers()` in a server action). */
export type HeaderSource = Headers | { headers: Headers };

function headersOf(source: HeaderSource): Headers {
  return source instanceof Headers ? source : source.headers;
}

/** The forwarded headers a client could forge; dropped unless TRUST_PROXY. */
export const FORWARDED_HEADERS = ["forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for", "x-real-ip"] as const;

/**
 * How many reverse proxies in front of the app add X-Forwarded-* headers:
 * TRUST_PROXY=1 (or true/yes) for one, a number for a chain, 0/unset for none.
 */
export function trustedProxyHops(env: Env = process.env): number {
  const raw = (env.TRUST_PROXY ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false" || raw === "no") return 0;
  if (raw === "true" || raw === "yes") return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`TRUST_PROXY muss 0, 1 oder die Zahl der Proxys sein (ist „${env.TRUST_PROXY}“).`);
  return n;
}

/** The configured public address (APP_URL) as an origin, or null. */
export function configuredOrigin(env: Env = process.env): string | null {
  const raw = env.APP_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`APP_URL ist keine gültige Adresse (ist „${raw}“).`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`APP_URL muss mit http:// oder https:// beginnen (ist „${raw}“).`);
  return url.origin;
}

/** The server's own listening address (HOST, PORT), as scripts/start.ts announces it. */
export function listeningOrigin(env: Env = process.env): string {
  const host = env.HOST || "127.0.0.1";
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return new URL(`http://${shown}:${Number(env.PORT || 3000)}`).origin;
}

/** Checks APP_URL and TRUST_PROXY once at start, so a typo stops the server instead of every request. */
export function assertOriginConfig(env: Env = process.env) {
  trustedProxyHops(env);
  configuredOrigin(env);
}

function firstListValue(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}

/**
 * The origin this request was addressed to: from the trusted proxy's
 * X-Forwarded-Proto/-Host, else from Host (the app itself speaks plain http).
 */
function addressedOrigin(headers: Headers, env: Env): string | null {
  const trusted = trustedProxyHops(env) > 0;
  const host = (trusted ? firstListValue(headers.get("x-forwarded-host")) : null) ?? headers.get("host");
  const forwarded = trusted ? firstListValue(headers.get("x-forwarded-proto"))?.toLowerCase() : null;
  // Some proxies (node-http-proxy, Traefik) name a WebSocket upgrade's scheme ws/wss; its page came from http/https.
  const proto = forwarded === "ws" ? "http" : forwarded === "wss" ? "https" : (forwarded ?? "http");
  if (!host || (proto !== "http" && proto !== "https")) return null;
  try {
    const url = new URL(`${proto}://${host}`);
    // A Host with a path, user info or the like is not a host.
    return url.host === host.toLowerCase() ? url.origin : null;
  } catch {
    return null;
  }
}

/** Origins a same-site browser request may carry: APP_URL's, and the one the request was addressed to. */
export function acceptedOrigins(source: HeaderSource, env: Env = process.env): string[] {
  const out = new Set<string>();
  const configured = configuredOrigin(env);
  if (configured) out.add(configured);
  const addressed = addressedOrigin(headersOf(source), env);
  if (addressed) out.add(addressed);
  return [...out];
}

/**
 * True when a state-changing request may come from our own pages: no
 * Sec-Fetch-Site other than same-origin/none, and an Origin (when sent) equal
 * in scheme, host and port to an accepted origin. `Origin: null` (sandboxed
 * frames, data: URLs, some redirects) is refused. Requests without Origin are
 * not from a browser form or fetch and carry no ambient credentials by accident.
 */
export function isSameOriginRequest(source: HeaderSource, env: Env = process.env): boolean {
  const headers = headersOf(source);
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === "null") return false;
  return acceptedOrigins(headers, env).includes(parsed.origin);
}

/**
 * The public origin for absolute links (invitations, …): APP_URL; else, behind
 * a trusted proxy, the forwarded host; else the server's own listening address.
 * Never the Host of an untrusted request.
 */
export function publicOrigin(source?: HeaderSource, env: Env = process.env): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  if (source && trustedProxyHops(env) > 0 && headersOf(source).get("x-forwarded-host")) {
    const forwarded = addressedOrigin(headersOf(source), env);
    if (forwarded) return forwarded;
  }
  return listeningOrigin(env);
}

/** An absolute link to a path of this app, see publicOrigin. */
export function absoluteUrl(path: string, source?: HeaderSource, env: Env = process.env): string {
  return new URL(path, publicOrigin(source, env)).href;
}

/**
 * The caller's IP address, for rate limits and logs.
 *
 * `clientIp(request)` or `clientIp(await headers())`. Without TRUST_PROXY it
 * is the socket's peer address (scripts/start.ts drops a client's
 * X-Forwarded-For, and Next.js sets it from the socket); with TRUST_PROXY=n it
 * is the address the n-th proxy from the app saw, i.e. the n-th entry from
 * the right of X-Forwarded-For (entries further left are the client's to
 * forge). IPv4-mapped IPv6 addresses are shortened to IPv4. "unbekannt" when
 * nothing is known (e.g. under `next dev`).
 */
export function clientIp(source: HeaderSource, env: Env = process.env): string {
  const entries = (headersOf(source).get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = Math.max(trustedProxyHops(env), 1);
  const ip = entries[Math.max(entries.length - hops, 0)];
  if (!ip) return "unbekannt";
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
}

/**
 * For scripts/start.ts, before a request reaches Next.js: without TRUST_PROXY,
 * drop the forwarded headers a client may have sent, so that Next.js, Auth.js
 * and this module only ever see the values Next.js derives from the socket.
 */
export function dropUntrustedForwardedHeaders(headers: Record<string, unknown>, env: Env = process.env) {
  if (trustedProxyHops(env) > 0) return;
  for (const name of FORWARDED_HEADERS) delete headers[name];
}
