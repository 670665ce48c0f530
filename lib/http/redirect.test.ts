import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

const BASE = "http://127.0.0.1:3000";

describe("safeRedirectPath", () => {
  // Each of these, used as the target after sign-in, would leave the app (or is no path at all).
  const hostile: [string, unknown][] = [
    ["tab between the slashes", "/\t/evil.example"],
    ["newline between the slashes", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["dot segment to a double slash", "/..//evil.example"],
    ["dot segments deeper", "/a/../..//evil.example/x"],
    ["encoded dot segment", "/%2e%2e//evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/concepts"],
    ["backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["backslash and slash", "\\/evil.example"],
    ["leading spaces", "  //evil.example"],
    ["leading control character", "\u0000//evil.example"],
    ["absolute other host", "http://evil.example/"],
    ["absolute other scheme", "https://127.0.0.1:3000/concepts"],
    ["absolute other port", "http://127.0.0.1:3001/concepts"],
    ["user info towards another host", "http://127.0.0.1:3000@evil.example/"],
    ["user info on our host", "http://user:pw@127.0.0.1:3000/concepts"],
    ["scheme-relative with user", "//127.0.0.1:3000@evil.example"],
    ["javascript scheme", "javascript:alert(1)"],
    ["obfuscated javascript scheme", "java\tscript:alert(1)"],
    ["data URL", "data:text/html,<script>alert(1)</script>"],
    ["mailto", "mailto:a@b.example"],
    ["triple slash", "///evil.example"],
    ["slash tab slash tab", "/\t/\t/evil.example"],
    ["full-width solidus stays a path", "/／evil.example"],
    ["empty", ""],
    ["not a string", ["/concepts"]],
    ["undefined", undefined],
    ["very long", `/${"a".repeat(5000)}`],
  ];

  it.each(hostile)("refuses %s", (_label, next) => {
    const result = safeRedirectPath(next, BASE);
    // Whatever it returns must be a path on our origin that a browser cannot read as another host.
    expect(new URL(result, BASE).origin).toBe(BASE);
    expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
    if (_label !== "full-width solidus stays a path") expect(result).toBe("/concepts");
  });

  const fine: [string, string][] = [
    ["/concepts", "/concepts"],
    ["/concepts/abc?tab=1#x", "/concepts/abc?tab=1#x"],
    ["/mitglieder", "/mitglieder"],
    ["/a/../mitglieder", "/mitglieder"],
    ["http://127.0.0.1:3000/aufgaben", "/aufgaben"],
    ["concepts", "/concepts"],
  ];

  it.each(fine)("keeps the same-origin target %s", (next, expected) => {
    expect(safeRedirectPath(next, BASE)).toBe(expected);
  });

  it("resolves against APP_URL when one is configured", () => {
    expect(safeRedirectPath("https://konzept.example/aufgaben", "https://konzept.example")).toBe("/aufgaben");
    expect(safeRedirectPath("http://konzept.example/aufgaben", "https://konzept.example")).toBe("/concepts");
  });
});
