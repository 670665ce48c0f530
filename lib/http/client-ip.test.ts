import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientIp } from "./client-ip";

const h = (o: Record<string, string>) => new Headers(o);
const env = (o: Record<string, string>) => o as unknown as NodeJS.ProcessEnv;

describe("clientIp", () => {
  it("takes the socket address and ignores a forged X-Forwarded-For without a trusted proxy", () => {
    expect(clientIp(h({ [CLIENT_ADDRESS_HEADER]: "::ffff:10.0.0.7", "x-forwarded-for": "1.2.3.4" }), env({}))).toBe("10.0.0.7");
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4" }), env({}))).toBe("unknown");
  });
  it("behind a trusted proxy takes the last X-Forwarded-For entry (the one the proxy added)", () => {
    const trusted = env({ TRUST_PROXY: "1" });
    expect(clientIp(h({ [CLIENT_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), trusted)).toBe("203.0.113.9");
    expect(clientIp(h({ [CLIENT_ADDRESS_HEADER]: "10.0.0.1" }), trusted)).toBe("10.0.0.1");
  });
});
