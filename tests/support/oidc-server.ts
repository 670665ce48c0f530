import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
// oidc-provider ships no type declarations.
// @ts-expect-error -- untyped module
import Provider from "oidc-provider";

/**
 * A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 for tests.
 * Whoever is `signInAs` is signed in at once (no login form). `tamper` rewrites
 * the ID token in the next token responses, to prove the app refuses it.
 */
export type TestAccount = { sub: string; email: string; name: string; emailVerified?: boolean; groups?: string[] };
export type Tamper = "audience" | "expired" | "signature" | "nonce" | null;

export type TestOidcServer = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  signInAs(account: TestAccount): void;
  tamper(mode: Tamper): void;
  close(): Promise<void>;
};

function resign(idToken: string, privateKey: KeyObject, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload] = idToken.split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>;
  change(claims);
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = sign("sha256", Buffer.from(`${header}.${body}`), privateKey).toString("base64url");
  return `${header}.${body}.${signature}`;
}

export async function startOidcServer({
  redirectUris,
  postLogoutRedirectUris = [],
  port = 0,
}: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** 0: any free port */
  port?: number;
}): Promise<TestOidcServer> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };
  const clientId = "konzeptwerk-test";
  const clientSecret = "client-secret-for-tests-0123456789";
  let account: TestAccount | null = null;
  let tamper: Tamper = null;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk] },
    // "groups" rides with the profile scope, as a Keycloak group mapper or Entra ID's group claim puts it into the ID token.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // Like Keycloak and Entra ID: the e-mail address is in the ID token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ["oidc-test-cookie-key"] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: account?.email, email_verified: account?.emailVerified ?? true, name: account?.name, ...(account?.groups ? { groups: account.groups } : {}) }),
    }),
  });
  const handle = provider.callback();
  // Why the provider refused a request, for a failing test's log (no secrets: the tokens are the test's own).
  provider.on("grant.error", (ctx: { oidc?: { params?: { redirect_uri?: string } } }, error: { message: string; error_description?: string; error_detail?: string }) =>
    console.error(
      `[test-idp] token request refused: ${error.message} ${error.error_description ?? ""} ${error.error_detail ?? ""} (redirect_uri ${ctx.oidc?.params?.redirect_uri})`,
    ),
  );

  server.on("request", async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      if (req.url?.startsWith("/interaction/")) {
        if (!account) throw new Error("signInAs() was not called");
        const details = await provider.interactionDetails(req, res);
        const grant = new provider.Grant({ accountId: account.sub, clientId: details.params.client_id });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
        return;
      }
      if (req.url?.startsWith("/token") && tamper) {
        const mode = tamper;
        const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
        (res as unknown as { end: (chunk?: unknown) => http.ServerResponse }).end = (chunk?: unknown) => {
          const body = JSON.parse(String(chunk)) as { id_token?: string };
          if (body.id_token) {
            const now = Math.floor(Date.now() / 1000);
            if (mode === "signature") {
              const [h, p, s] = body.id_token.split(".");
              const bytes = Buffer.from(s!, "base64url");
              bytes[0] = bytes[0]! ^ 0xff;
              body.id_token = `${h}.${p}.${bytes.toString("base64url")}`;
            } else {
              body.id_token = resign(body.id_token, privateKey, (c) => {
                if (mode === "audience") c.aud = "some-other-client";
                if (mode === "expired") Object.assign(c, { iat: now - 7200, exp: now - 3600 });
                if (mode === "nonce") c.nonce = "not-the-nonce-we-sent";
              });
            }
          }
          const text = JSON.stringify(body);
          res.setHeader("content-length", Buffer.byteLength(text));
          return end(text);
        };
      }
      handle(req, res);
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (a) => void (account = a),
    tamper: (mode) => void (tamper = mode),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
