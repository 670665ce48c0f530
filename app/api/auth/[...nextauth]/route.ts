import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { configuredOrigin, listeningOrigin } from "@/lib/http/origin";
import { ssoConfigured } from "@/lib/sso/config";

/**
 * With single sign-on, Auth.js must see the public address (APP_URL, else the
 * listening address) in every request: it builds the redirect URI registered at
 * the provider from it, and the one in the token request must be the same as in
 * the authorization request. Next.js's request URL may name another host.
 */
function atPublicOrigin(handler: (request: NextRequest) => Promise<Response>) {
  return (request: NextRequest) => {
    if (!ssoConfigured()) return handler(request);
    const origin = configuredOrigin() ?? listeningOrigin();
    const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin);
    return handler(new NextRequest(url, request));
  };
}

export const GET = atPublicOrigin(handlers.GET);
export const POST = atPublicOrigin(handlers.POST);
