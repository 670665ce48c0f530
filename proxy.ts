import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES, ACTION_TOO_LARGE_MESSAGE, LENGTH_REQUIRED_MESSAGE } from "@/lib/http/limits";
import { boundaryOf, PART_NAME_CONTROL_MESSAGE, partHeadersHaveControlCharacter } from "@/lib/http/multipart";
import { isSameOriginRequest } from "@/lib/http/origin";
import { contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";

/**
 * Before every page and server action (Next.js 16's `proxy`, formerly middleware):
 *
 * - A server action (any POST to a page) from another origin gets 403 and one
 *   with a body above the limit gets 413, both at once and in German, before
 *   Next.js reads the body (it would answer both with 500, the latter only
 *   after reading 21 MB); a body of unknown length (chunked) gets 411; a
 *   multipart body with a control character in a file name gets 400 (Next's
 *   parser would answer 500, lib/http/multipart.ts). The
 *   actions still check session and role themselves.
 * - Every page gets a Content-Security-Policy with a fresh nonce.
 */
export async function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    if (!isSameOriginRequest(request)) return refuse(403, "Anfrage von fremder Seite abgelehnt.");
    const declared = request.headers.get("content-length");
    // Browsers always state the length of an action's body; one without (chunked) could not be refused before reading.
    if (declared === null && request.headers.has("transfer-encoding")) return refuse(411, LENGTH_REQUIRED_MESSAGE);
    if (Number(declared ?? 0) > ACTION_BODY_LIMIT_BYTES) return refuse(413, ACTION_TOO_LARGE_MESSAGE);
    const boundary = boundaryOf(request.headers.get("content-type"));
    if (boundary && partHeadersHaveControlCharacter(new Uint8Array(await request.clone().arrayBuffer()), boundary)) {
      return refuse(400, PART_NAME_CONTROL_MESSAGE);
    }
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

function refuse(status: number, message: string) {
  // Plain text: the client of a server action shows a text/plain error body as the error's message.
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export const config = {
  // Pages and their server actions; not the API (route handlers check origin and size themselves;
  // /api/health, /api/health/ready and /api/metrics answer without a session), not static files, not link prefetches.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
