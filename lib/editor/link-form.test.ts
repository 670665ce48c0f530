import { describe, expect, it } from "vitest";
import { checkLinkForm } from "./link-form";
import { validateDoc } from "./validate";
import { doc, link, p } from "./build";

describe("the link dialog's check", () => {
  it("completes addresses as typed in an office and keeps the link text", () => {
    expect(checkLinkForm({ text: "Ratsbeschluss", address: " www.musterstadt.de/rat " })).toEqual({
      ok: true,
      text: "Ratsbeschluss",
      href: "https://www.musterstadt.de/rat",
    });
    expect(checkLinkForm({ text: "Integrationsbüro", address: "integration@musterstadt.de" })).toMatchObject({
      ok: true,
      href: "mailto:integration@musterstadt.de",
    });
  });

  it("shows the address as typed when no link text is given", () => {
    expect(checkLinkForm({ text: "  ", address: "www.musterstadt.de" })).toMatchObject({ ok: true, text: "www.musterstadt.de" });
  });

  it("asks for an address when there is none", () => {
    expect(checkLinkForm({ text: "Ratsbeschluss", address: "   " })).toEqual({ ok: false, error: "addressMissing" });
  });

  it.each(["javascript:alert(1)", "java\tscript:alert(1)", "ftp://musterstadt.de/datei", "/intern/seite", "https://rathaus.de@evil.example", "Rathaus Musterstadt"])(
    "refuses %j, as the server refuses it",
    (address) => {
      expect(checkLinkForm({ text: "x", address })).toEqual({ ok: false, error: "addressNotAllowed" });
    },
  );

  it("every address it lets through is one the server stores", () => {
    for (const address of ["www.musterstadt.de", "HTTPS://Musterstadt.de/Seite?x=1#a", "info@musterstadt.de", "#kapitel-mandate", "http://example.org"]) {
      const result = checkLinkForm({ text: "Link", address });
      expect(result.ok).toBe(true);
      if (result.ok) expect(validateDoc(doc(p(link(result.text, result.href))))).toMatchObject({ ok: true });
    }
  });
});
