import { createPublicKey, verify, type JsonWebKey } from "node:crypto";

/**
 * The ID token's signature against the provider's published keys (jwks_uri).
 *
 * Auth.js (oauth4webapi) checks issuer, audience, expiry and nonce of the ID
 * token, but not its signature: the code flow allows trusting the TLS connection
 * to the token endpoint instead. A municipality's provider may sit behind
 * proxies we do not know, so the signature is checked here as well.
 */
type Jwk = JsonWebKey & { kid?: string; use?: string; alg?: string };

const ALGORITHMS: Record<string, { hash: string; kty: string; pss?: boolean }> = {
  RS256: { hash: "sha256", kty: "RSA" },
  RS384: { hash: "sha384", kty: "RSA" },
  RS512: { hash: "sha512", kty: "RSA" },
  PS256: { hash: "sha256", kty: "RSA", pss: true },
  PS384: { hash: "sha384", kty: "RSA", pss: true },
  PS512: { hash: "sha512", kty: "RSA", pss: true },
  ES256: { hash: "sha256", kty: "EC" },
  ES384: { hash: "sha384", kty: "EC" },
  ES512: { hash: "sha512", kty: "EC" },
};

const keyCache = new Map<string, { keys: Jwk[]; at: number }>();

async function fetchKeys(issuer: string): Promise<Jwk[]> {
  const base = issuer.endsWith("/") ? issuer : `${issuer}/`;
  const discovery = (await (await fetch(new URL(".well-known/openid-configuration", base), { signal: AbortSignal.timeout(5000) })).json()) as { jwks_uri?: string };
  if (typeof discovery.jwks_uri !== "string") throw new Error("Der Anmeldedienst nennt keine Schlüssel (jwks_uri).");
  const jwks = (await (await fetch(discovery.jwks_uri, { signal: AbortSignal.timeout(5000) })).json()) as { keys?: Jwk[] };
  return Array.isArray(jwks.keys) ? jwks.keys : [];
}

async function keysOf(issuer: string, refresh: boolean): Promise<Jwk[]> {
  const cached = keyCache.get(issuer);
  if (cached && !refresh && Date.now() - cached.at < 3_600_000) return cached.keys;
  const keys = await fetchKeys(issuer);
  keyCache.set(issuer, { keys, at: Date.now() });
  return keys;
}

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function signatureMatches(signingInput: string, signature: Buffer, jwk: Jwk, alg: string): boolean {
  const spec = ALGORITHMS[alg]!;
  if (jwk.kty !== spec.kty || (jwk.use && jwk.use !== "sig") || (jwk.alg && jwk.alg !== alg)) return false;
  try {
    const key = createPublicKey({ key: jwk, format: "jwk" });
    return verify(
      spec.hash,
      Buffer.from(signingInput),
      spec.kty === "EC" ? { key, dsaEncoding: "ieee-p1363" } : spec.pss ? { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: Number(spec.hash.slice(3)) / 8 } : key,
      signature,
    );
  } catch {
    return false;
  }
}

export async function idTokenSignatureValid(idToken: string, issuer: string): Promise<boolean> {
  const [header, payload, signature, extra] = idToken.split(".");
  if (!header || !payload || !signature || extra !== undefined) return false;
  const head = decodePart(header);
  const alg = typeof head?.alg === "string" ? head.alg : "";
  if (!ALGORITHMS[alg]) return false; // also refuses "none" and HMAC
  const kid = typeof head?.kid === "string" ? head.kid : undefined;
  const input = `${header}.${payload}`;
  const sig = Buffer.from(signature, "base64url");
  for (const refresh of [false, true]) {
    const keys = (await keysOf(issuer, refresh)).filter((k) => !kid || k.kid === kid);
    if (keys.some((k) => signatureMatches(input, sig, k, alg))) return true;
    // An unknown key id may be a rotated key: ask the provider once more.
    if (keys.length > 0) return false;
  }
  return false;
}
