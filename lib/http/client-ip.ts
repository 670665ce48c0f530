/**
 * The address a request came from, for rate limits. By default the TCP peer of
 * the connection: scripts/start.ts (the custom server) writes it into
 * CLIENT_ADDRESS_HEADER after deleting any copy the client sent, because route
 * handlers and server actions in Next.js see headers, not the socket.
 * X-Forwarded-For is read only when the operator says a proxy in front is
 * trusted (TRUST_PROXY=1), and then its last entry: the address that proxy saw.
 * Entries to its left are whatever the client wrote.
 */
export const CLIENT_ADDRESS_HEADER = "x-konzeptwerk-client-address";

type HeaderSource = { get(name: string): string | null };

export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true";
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are the same client. */
function normalize(address: string): string {
  const a = address.trim();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

export function clientIp(headers: HeaderSource, env: NodeJS.ProcessEnv = process.env): string {
  if (trustProxy(env)) {
    const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return normalize(last);
  }
  const socket = headers.get(CLIENT_ADDRESS_HEADER);
  return socket ? normalize(socket) : "unknown";
}
