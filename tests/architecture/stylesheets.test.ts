import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

const files = (dir: string, ext: RegExp) =>
  (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).filter((f) => ext.test(f)).map((f) => path.join(dir, f));

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

describe("the stylesheets a page loads", () => {
  it("every component's stylesheet comes with app/components.css, one request with globals.css (issue 17)", () => {
    const bundled = [...read("app/components.css").matchAll(/@import\s+"([^"]+)"/g)].map((m) => path.join("app", m[1]!));
    const imported = files("app", /\.tsx?$/)
      .concat(files("components", /\.tsx?$/))
      .flatMap((file) => [...read(file).matchAll(/^import\s+"([^"]+\.css)";/gm)].map((m) => ({ file, css: m[1]! })));
    // only the layout and a page of its own (the print preview) import stylesheets; a component's import would be a
    // render-blocking request of its own on every page that shows it
    expect(imported.filter(({ file }) => !/(^|\/)(layout|page)\.tsx$/.test(file))).toEqual([]);
    const byPages = imported.map(({ file, css }) => (css.startsWith("@/") ? css.slice(2) : path.join(path.dirname(file), css)));
    const all = files("components", /\.css$/).map((f) => path.normalize(f));
    const loaded = new Set([...bundled, ...byPages].map((f) => path.normalize(f)));
    // a stylesheet nobody loads would leave its component unstyled
    expect(all.filter((f) => !loaded.has(f))).toEqual([]);
    for (const f of bundled) expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
  });
});
