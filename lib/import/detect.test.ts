import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(64).fill(0x20)]);
const text = (s: string) => new TextEncoder().encode(s);

describe("detectFormat", () => {
  it("knows the formats by content and name", () => {
    expect(detectFormat("k.docx", bytes(0x50, 0x4b, 0x03, 0x04))).toBe("docx");
    expect(detectFormat("k.odt", bytes(0x50, 0x4b, 0x03, 0x04))).toBe("odt");
    expect(detectFormat("sicherung.json", text('{"format":"konzeptwerk.concept"}'))).toBe("backup");
    expect(detectFormat("k.html", text("<!doctype html><p>x</p>"))).toBe("html");
    expect(detectFormat("k.md", text("# Titel"))).toBe("md");
  });

  it("refuses programs, encrypted and empty files, macros, in German", () => {
    expect(() => detectFormat("konzept.docx", bytes(0x4d, 0x5a, 0x90, 0x00))).toThrow(/Programm/);
    expect(() => detectFormat("konzept.docx", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toThrow(/Passwort/);
    expect(() => detectFormat("konzept.docx", new Uint8Array())).toThrow(/leer/);
    expect(() => detectFormat("konzept.docm", bytes(0x50, 0x4b, 0x03, 0x04))).toThrow(/Makros/);
    expect(() => detectFormat("bild.png", bytes(0x89, 0x50, 0x4e, 0x47, 0x00))).toThrow(/weder ein Dokument/);
  });
});
