import { describe, expect, it } from "vitest";
import { type Env, absoluteUrl, acceptedOrigins, clientIp, dropUntrustedForwardedHeaders, isSameOriginRequest, publicOrigin } from "./origin";

const LOCAL: Env = { HOST: "127.0.0.1", PORT: "3000" };
const PROXIED: Env = { ...LOCAL, TRUST_PROXY: "1" };
const PUBLIC: Env = { ...LOCAL, APP_URL: "https://konzept.example/" };

function req(headers: Record<string, string>) {
  return new Headers({ host: "127.0.0.1:3000", ...headers });
}

describe("isSameOriginRequest", () => {
  const cases: [string, Record<string, string>, Env, boolean][] = [
    ["same origin", { origin: "http://127.0.0.1:3000" }, LOCAL, true],
    ["no Origin (curl, server to server)", {}, LOCAL, true],
    ["Sec-Fetch-Site none (typed address)", { "sec-fetch-site": "none" }, LOCAL, true],
    ["Origin: null", { origin: "null" }, LOCAL, false],
    ["Origin not a URL", { origin: "nonsense" }, LOCAL, false],
    ["other host", { origin: "http://evil.example" }, LOCAL, false],
    ["https against the http app", { origin: "https://127.0.0.1:3000" }, LOCAL, false],
    ["other port", { origin: "http://127.0.0.1:3001" }, LOCAL, false],
    ["cross-site fetch metadata", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "cross-site" }, LOCAL, false],
    ["same-site fetch metadata (sibling subdomain)", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-site" }, LOCAL, false],
    ["forged X-Forwarded-Host with matching Origin, no trusted proxy", { origin: "http://evil.example", "x-forwarded-host": "evil.example" }, LOCAL, false],
    ["forged X-Forwarded-Proto, no trusted proxy", { origin: "https://127.0.0.1:3000", "x-forwarded-proto": "https" }, LOCAL, false],
    ["trusted proxy: forwarded host and scheme", { origin: "https://konzept.example", "x-forwarded-host": "konzept.example", "x-forwarded-proto": "https" }, PROXIED, true],
    ["trusted proxy: scheme must match too", { origin: "http://konzept.example", "x-forwarded-host": "konzept.example", "x-forwarded-proto": "https" }, PROXIED, false],
    ["trusted proxy: a WebSocket upgrade forwarded as wss (node-http-proxy, Traefik)", { origin: "https://konzept.example", "x-forwarded-host": "konzept.example", "x-forwarded-proto": "wss" }, PROXIED, true],
    ["trusted proxy: ws is http, not https", { origin: "https://konzept.example", "x-forwarded-host": "konzept.example", "x-forwarded-proto": "ws" }, PROXIED, false],
    ["APP_URL", { origin: "https://konzept.example" }, PUBLIC, true],
    ["APP_URL: other scheme", { origin: "http://konzept.example" }, PUBLIC, false],
    ["APP_URL: forwarded host still not trusted", { origin: "http://evil.example", "x-forwarded-host": "evil.example" }, PUBLIC, false],
  ];
  it.each(cases)("%s", (_label, headers, env, expected) => {
    expect(isSameOriginRequest(req(headers), env)).toBe(expected);
  });

  it("takes a Request as well as Headers", () => {
    const request = new Request("http://127.0.0.1:3000/api/x", { method: "POST", headers: { origin: "null" } });
    expect(isSameOriginRequest(request, LOCAL)).toBe(false);
  });

  it("compares full origins, default ports normalised", () => {
    expect(acceptedOrigins(new Headers({ host: "konzept.example" }), LOCAL)).toEqual(["http://konzept.example"]);
    expect(isSameOriginRequest(new Headers({ host: "konzept.example", origin: "http://konzept.example:80" }), LOCAL)).toBe(true);
  });
});

describe("publicOrigin / absoluteUrl", () => {
  it("never builds links from an untrusted forwarded or Host header", () => {
    const forged = req({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(absoluteUrl("/einladung/abc", forged, LOCAL)).toBe("http://127.0.0.1:3000/einladung/abc");
  });
  it("uses APP_URL first", () => {
    expect(absoluteUrl("/einladung/abc", req({ "x-forwarded-host": "evil.example" }), { ...PUBLIC, TRUST_PROXY: "1" })).toBe("https://konzept.example/einladung/abc");
  });
  it("uses the trusted proxy's host when there is no APP_URL", () => {
    expect(publicOrigin(req({ "x-forwarded-host": "konzept.example", "x-forwarded-proto": "https" }), PROXIED)).toBe("https://konzept.example");
  });
  it("names localhost for a server listening on all interfaces", () => {
    expect(publicOrigin(undefined, { HOST: "0.0.0.0", PORT: "8080" })).toBe("http://localhost:8080");
  });
  it("refuses a broken configuration loudly", () => {
    expect(() => publicOrigin(undefined, { APP_URL: "konzept.example" })).toThrow(/APP_URL/);
    expect(() => publicOrigin(undefined, { APP_URL: "ftp://konzept.example" })).toThrow(/APP_URL/);
    expect(() => publicOrigin(req({ "x-forwarded-host": "a" }), { TRUST_PROXY: "ja" })).toThrow(/TRUST_PROXY/);
  });
});

describe("clientIp", () => {
  it("is the socket address (set by Next.js after start.ts dropped the client's header)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:192.0.2.7" }), LOCAL)).toBe("192.0.2.7");
  });
  it("takes the address the trusted proxy saw, not the one the client wrote", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 192.0.2.7" }), PROXIED)).toBe("192.0.2.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 192.0.2.7, 10.0.0.2" }), { TRUST_PROXY: "2" })).toBe("192.0.2.7");
  });
  it("accepts a Request and says when nothing is known", () => {
    expect(clientIp(new Request("http://x/", { headers: { "x-forwarded-for": "2001:db8::1" } }), LOCAL)).toBe("2001:db8::1");
    expect(clientIp(new Headers(), LOCAL)).toBe("unbekannt");
  });
});

describe("dropUntrustedForwardedHeaders", () => {
  it("drops forgeable headers unless a proxy is trusted", () => {
    const raw = { host: "a", "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example", forwarded: "for=6.6.6.6" };
    dropUntrustedForwardedHeaders(raw, LOCAL);
    expect(raw).toEqual({ host: "a" });
    const kept = { host: "a", "x-forwarded-for": "192.0.2.7" };
    dropUntrustedForwardedHeaders(kept, PROXIED);
    expect(kept).toEqual({ host: "a", "x-forwarded-for": "192.0.2.7" });
  });
});
