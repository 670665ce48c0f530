import { Auth } from "@auth/core";
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { authOptions } from "@/lib/auth/options";
import { configuredOrigin, listeningOrigin } from "@/lib/http/origin";
import { ssoConfigured } from "@/lib/sso/config";

/**
 * With single sign-on, Auth.js must see the public address (APP_URL, else the
 * listening address) in every request: the redirect URI in the token request
 * must equal the one the sign-in action sent to the provider. next-auth's own
 * handlers cannot: a NextRequest rewrites any 127.x.x.x host to "localhost".
 * So the request goes to Auth.js (@auth/core) as a plain Request, as the
 * integration tests do it (tests/integration/sso.test.ts).
 */
async function atPublicOrigin(request: NextRequest, fallback: (request: NextRequest) => Promise<Response>) {
  if (!ssoConfigured()) return fallback(request);
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, configuredOrigin() ?? listeningOrigin());
  const headers = new Headers(request.headers);
  headers.set("host", url.host);
  headers.delete("x-forwarded-host");
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return Auth(new Request(url, { method: request.method, headers, body }), {
    ...authOptions(),
    secret: process.env.AUTH_SECRET,
    basePath: "/api/auth",
    trustHost: true,
  });
}

export const GET = (request: NextRequest) => atPublicOrigin(request, handlers.GET);
export const POST = (request: NextRequest) => atPublicOrigin(request, handlers.POST);
