/**
 * No source file over 500 lines: a longer one does several things and is split
 * into pieces named after them. Data, migrations, fixtures and message catalogues
 * are not code and may be long.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAX_LINES = 500;
const SOURCE = /\.(ts|tsx|mts|mjs|js|css|typ)$/;
const NOT_CODE = [/^db\/migrations\//, /(^|\/)seed-data\//, /(^|\/)fixtures?\//, /^tests\/fuzz\/corpus\//, /^messages\//];

/** Build output, dependencies, data directories and test reports are not ours to split. */
const SKIPPED_DIRS = new Set(["node_modules", ".next", ".git", "data", "test-results", "playwright-report", "coverage"]);

function projectFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : projectFiles(rel);
    return entry.isFile() ? [rel] : [];
  });
}

export function longFiles(files: string[], read: (file: string) => string): string[] {
  return files
    .filter((file) => SOURCE.test(file) && !NOT_CODE.some((pattern) => pattern.test(file)))
    .map((file) => ({ file, lines: read(file).split("\n").length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
}

describe("file size", () => {
  it("finds a long file, and leaves data, migrations and fixtures alone", () => {
    const long = `${"x\n".repeat(MAX_LINES + 1)}`;
    const files = ["lib/a.ts", "lib/b.ts", "db/migrations/0001.sql.ts", "lib/demo/seed-data/x.ts", "tests/fixtures/y.ts"];
    expect(longFiles(files, (file) => (file === "lib/b.ts" ? "short\n" : long))).toEqual([`lib/a.ts: ${MAX_LINES + 1} lines`]);
  });

  it(`no committed source file has more than ${MAX_LINES} lines`, () => {
    expect(longFiles(projectFiles(""), (file) => fs.readFileSync(path.join(ROOT, file), "utf8"))).toEqual([]);
  });
});
