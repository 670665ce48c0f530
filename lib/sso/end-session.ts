import "server-only";
import { publicOrigin } from "@/lib/http/origin";
import { oidcProviders } from "./config";

const cache = new Map<string, { url: string | null; at: number }>();

/**
 * The provider's logout address (end_session_endpoint from its discovery
 * document), with the client id and the way back to the login page; null when the
 * provider has none or cannot be reached. Signing out of the app never waits on it.
 */
export async function endSessionUrl(providerId: string): Promise<{ name: string; url: string } | null> {
  const provider = oidcProviders().find((p) => p.id === providerId);
  if (!provider) return null;
  const cached = cache.get(provider.id);
  let endpoint = cached && Date.now() - cached.at < 3_600_000 ? cached.url : undefined;
  if (endpoint === undefined) {
    try {
      const discovery = new URL(".well-known/openid-configuration", provider.issuer.endsWith("/") ? provider.issuer : `${provider.issuer}/`);
      const response = await fetch(discovery, { signal: AbortSignal.timeout(3000) });
      const body = response.ok ? ((await response.json()) as { end_session_endpoint?: unknown }) : {};
      endpoint = typeof body.end_session_endpoint === "string" ? body.end_session_endpoint : null;
    } catch {
      endpoint = null;
    }
    cache.set(provider.id, { url: endpoint, at: Date.now() });
  }
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("client_id", provider.clientId);
  url.searchParams.set("post_logout_redirect_uri", new URL("/login", publicOrigin()).href);
  return { name: provider.name, url: url.href };
}
