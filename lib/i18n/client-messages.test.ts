import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { CLIENT_NAMESPACES, pickMessages, SHELL_NAMESPACES } from "./client-messages";
import { clientNamespacesOf } from "./client-graph";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const code = ["app", "components", "lib"].flatMap(sources).map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), "utf8") }));
const pages = code.filter(({ file }) => path.basename(file) === "page.tsx");
/** Everything rendered around the pages: layouts, error pages (and loading, not-found or template files, should one come). */
const shell = code.filter(({ file }) => file.startsWith("app") && /^(layout|error|global-error|not-found|loading|template|default)\.tsx$/.test(path.basename(file)));

/** The namespaces a page hands to its withClientMessages ([] when it has none). */
function declared(text: string): string[] {
  const m = /\bwithClientMessages\(\s*\[([^\]]*)\]/.exec(text);
  return m ? [...m[1]!.matchAll(/"([A-Za-z]+)"/g)].map((x) => x[1]!).sort() : [];
}

describe("the messages the browser gets", () => {
  it("each page names exactly the namespaces its client components read, so none is missing and no other is sent", () => {
    expect(pages.length).toBeGreaterThan(20);
    const wrong = pages.flatMap(({ file, text }) => {
      const needed = clientNamespacesOf(ROOT, file);
      const listed = declared(text);
      return JSON.stringify(needed) === JSON.stringify(listed) ? [] : [`${file}: withClientMessages(${JSON.stringify(needed)}) statt ${JSON.stringify(listed)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("the layouts and error pages get what their client components read (SHELL_NAMESPACES)", () => {
    expect(shell.map(({ file }) => file)).toContain(path.join("app", "layout.tsx"));
    const needed = [...new Set(shell.flatMap(({ file }) => clientNamespacesOf(ROOT, file)))].sort();
    expect([...SHELL_NAMESPACES].sort()).toEqual(needed);
  });

  it("CLIENT_NAMESPACES names every namespace a page or the shell hands on, and no other", () => {
    const used = new Set([...pages, ...shell].flatMap(({ file }) => clientNamespacesOf(ROOT, file)));
    expect([...CLIENT_NAMESPACES].sort()).toEqual([...used].sort());
  });

  it("can be found by that scan: every useTranslations call names its namespace in quotes", () => {
    const unnamed = code.flatMap(({ file, text }) => [...text.matchAll(/\buseTranslations\((?!\s*"[A-Za-z.]+"\s*\))[^)]*\)/g)].map((m) => `${file}: ${m[0]}`));
    // (a type alias such as ReturnType<typeof useTranslations<"measures">> is no call)
    expect(unnamed).toEqual([]);
    expect(code.filter(({ text }) => /\buseMessages\(/.test(text)).map(({ file }) => file)).toEqual([]);
  });

  it("the concept page's list holds what its editor, loaded on demand, and its margin read", () => {
    const concept = clientNamespacesOf(ROOT, path.join("app", "(app)", "concepts", "[conceptId]", "page.tsx"));
    expect(concept).toEqual(expect.arrayContaining(["editor", "margin", "review", "form"]));
    // server-rendered pages of plain text hand nothing on
    expect(clientNamespacesOf(ROOT, path.join("app", "(app)", "protokoll", "page.tsx"))).toEqual([]);
  });

  it("a page hands on only the picked namespaces, unchanged", () => {
    for (const catalogue of [de, en]) {
      const picked = pickMessages(catalogue, ["versions", "form"]);
      expect(Object.keys(picked).sort()).toEqual(["form", "versions"]);
      expect(picked.versions).toBe(catalogue.versions);
      expect(pickMessages(catalogue, [])).toEqual({});
    }
  });
});

describe("the import walk behind those lists", () => {
  const write = (dir: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  };

  it("counts the client side only, follows static, dynamic and re-exports, and skips type-only imports", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-graph-"));
    try {
      write(dir, {
        "app/page.tsx": [
          'import { Server } from "@/ui/server";',
          'import { Widget } from "../ui/widget";',
          'import type { Only } from "@/ui/typed";',
          'export * from "./re";',
        ].join("\n"),
        "app/re.ts": 'export { Deep } from "@/ui/deep-client";',
        "ui/server.tsx": 'import { useTranslations } from "next-intl";\nexport const Server = () => useTranslations("serverSide");',
        "ui/widget.tsx": '"use client";\nimport { helper } from "./helper";\nconst Lazy = () => import("@/ui/lazy");\nexport const Widget = () => useTranslations("widget");',
        "ui/helper.ts": 'export const helper = () => useTranslations("helper");',
        "ui/lazy/index.tsx": 'export default () => useTranslations("lazy");',
        "ui/typed.ts": '"use client";\nexport type Only = string;\nuseTranslations("typed");',
        "ui/deep-client.tsx": '// a note first\n"use client";\nexport const Deep = () => useTranslations("deep.nested");',
      });
      expect(clientNamespacesOf(dir, "app/page.tsx")).toEqual(["deep", "helper", "lazy", "widget"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
