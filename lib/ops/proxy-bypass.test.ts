/** The operational endpoints are not behind proxy.ts (no CSP nonce, no action checks, no session involved). */
import { describe, expect, it } from "vitest";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { config } from "@/proxy";

describe("proxy.ts matcher", () => {
  it("lets /api/health, /api/health/ready and /api/metrics through, while pages still pass the proxy", () => {
    for (const url of ["/api/health", "/api/health/ready", "/api/metrics"]) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
    }
    expect(unstable_doesMiddlewareMatch({ config, url: "/concepts" })).toBe(true);
  });
});
