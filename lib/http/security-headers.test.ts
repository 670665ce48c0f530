import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers";

describe("contentSecurityPolicy", () => {
  const csp = contentSecurityPolicy("abc123", false);
  const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

  it("runs only scripts with the nonce, never inline code or eval", () => {
    expect(directive("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
  });
  it("allows inline styles only as attributes, not as <style> elements", () => {
    expect(directive("style-src")).toBe("style-src 'self' 'nonce-abc123'");
    expect(directive("style-src-attr")).toBe("style-src-attr 'unsafe-inline'");
  });
  it("forbids framing, plugins and <base>", () => {
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(csp).toContain(d);
  });
  it("makes a new nonce every time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
