import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const code = ["app", "components", "lib"].flatMap(sources).map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), "utf8") }));

describe("the messages the browser gets", () => {
  it("name every namespace a hook reads (its first part: monitoring for monitoring.keyFigures), and no other", () => {
    const used = new Set(code.flatMap(({ text }) => [...text.matchAll(/\buseTranslations\(\s*"([A-Za-z]+)(?:\.[A-Za-z.]+)?"\s*\)/g)].map((m) => m[1]!)));
    expect([...CLIENT_NAMESPACES].sort()).toEqual([...used].sort());
  });

  it("can be found by that scan: every useTranslations call names its namespace in quotes", () => {
    const unnamed = code.flatMap(({ file, text }) => [...text.matchAll(/\buseTranslations\((?!\s*"[A-Za-z.]+"\s*\))[^)]*\)/g)].map((m) => `${file}: ${m[0]}`));
    // (a type alias such as ReturnType<typeof useTranslations<"measures">> is no call)
    expect(unnamed).toEqual([]);
    expect(code.filter(({ text }) => /\buseMessages\(/.test(text)).map(({ file }) => file)).toEqual([]);
  });

  it("leave out the server's texts and keep the rest as they are", () => {
    for (const catalogue of [de, en]) {
      const picked = clientMessages(catalogue);
      expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
      expect(picked.editor).toBe(catalogue.editor);
      expect(picked).not.toHaveProperty("audit");
      expect(picked).not.toHaveProperty("domain");
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(catalogue).length * 0.75);
    }
  });
});
