/**
 * The direction of imports between the layers: db/ is the bottom (tables and
 * queries), lib/ the domain on top of it, components/ and app/ the screens on
 * top of that. A file that imports upwards fails here with its name and the
 * import.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "migrations") out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx|mts)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every module a file imports (static, side-effect, re-export and dynamic), as a path from the project root when it is ours. */
export function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specs.map((spec) => {
    if (spec.startsWith("@/")) return spec.slice(2);
    if (spec.startsWith(".")) return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
    return spec;
  });
}

function upwardImports(dir: string, forbidden: string[]): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((top) => target === top || target.startsWith(`${top}/`)))
      .map((target) => `${file} → ${target}`),
  );
}

describe("import direction", () => {
  it("reads every kind of import, relative ones resolved from the file", () => {
    const imports = importsOf("tests/architecture/imports.test.ts");
    expect(imports).toEqual(expect.arrayContaining(["node:fs", "vitest"]));
    expect(importsOf("lib/demo/seed.ts")).toEqual(expect.arrayContaining(["db/schema", "lib/demo/seed-data/musterstadt"]));
  });

  it("db/ imports nothing from lib/, components/ or app/", () => {
    expect(upwardImports("db", ["lib", "components", "app"])).toEqual([]);
  });

  it("lib/ imports nothing from components/ or app/ (the editor's schema lives in lib/editor/extensions)", () => {
    expect(upwardImports("lib", ["components", "app"])).toEqual([]);
  });
});
