/**
 * Single sign-on providers from the environment, numbered from 1:
 *
 *   OIDC_1_ISSUER         issuer URL (its /.well-known/openid-configuration is read)
 *   OIDC_1_CLIENT_ID      client id registered at the provider
 *   OIDC_1_CLIENT_SECRET  client secret
 *   OIDC_1_NAME           label of the button "Anmelden mit <NAME>" (default "Single Sign-on")
 *   OIDC_1_GROUPS_CLAIM   claim of the ID token that lists the person's groups (default "groups"),
 *                         for the roles an admin maps to groups
 *
 * OIDC_2_…, OIDC_3_… add more. No Next.js or database imports: read by auth.ts,
 * the login page, scripts/start.ts (to stop at a typo) and tests.
 */
export type Env = Record<string, string | undefined>;

export type OidcProvider = {
  /** Auth.js provider id, also in the callback URL: /api/auth/callback/oidc-1 */
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  groupsClaim: string;
};

export function oidcProviders(env: Env = process.env): OidcProvider[] {
  const numbers = new Set<number>();
  for (const key of Object.keys(env)) {
    const match = /^OIDC_(\d+)_(ISSUER|CLIENT_ID|CLIENT_SECRET|NAME|GROUPS_CLAIM)$/.exec(key);
    if (match && env[key]?.trim()) numbers.add(Number(match[1]));
  }
  return [...numbers]
    .sort((a, b) => a - b)
    .map((n) => {
      const get = (part: string) => env[`OIDC_${n}_${part}`]?.trim() ?? "";
      const issuer = get("ISSUER");
      const clientId = get("CLIENT_ID");
      const clientSecret = get("CLIENT_SECRET");
      const missing = [
        !issuer && `OIDC_${n}_ISSUER`,
        !clientId && `OIDC_${n}_CLIENT_ID`,
        !clientSecret && `OIDC_${n}_CLIENT_SECRET`,
      ].filter(Boolean);
      if (missing.length) throw new Error(`Single Sign-on ${n} ist unvollständig: ${missing.join(", ")} fehlt.`);
      let url: URL;
      try {
        url = new URL(issuer);
      } catch {
        throw new Error(`OIDC_${n}_ISSUER ist keine gültige Adresse (ist „${issuer}“).`);
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`OIDC_${n}_ISSUER muss mit https:// beginnen.`);
      return { id: `oidc-${n}`, issuer, clientId, clientSecret, name: get("NAME") || "Single Sign-on", groupsClaim: get("GROUPS_CLAIM") || "groups" };
    });
}

export function ssoConfigured(env: Env = process.env): boolean {
  return oidcProviders(env).length > 0;
}

/** For the login page: id and label only, never secrets. */
export function ssoButtons(env: Env = process.env): { id: string; name: string }[] {
  return oidcProviders(env).map(({ id, name }) => ({ id, name }));
}
