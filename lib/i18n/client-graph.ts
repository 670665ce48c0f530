import fs from "node:fs";
import path from "node:path";

/**
 * The message namespaces the browser needs below one entry file (a page, a layout, an error page), found by
 * walking the entry's imports (static and dynamic, type-only ones left out). A file runs in the browser when it
 * says "use client" or is imported from one that does; only the useTranslations calls of those files read the
 * client provider's messages (a server component's useTranslations reads the request's own catalogue). For the
 * tests of lib/i18n/client-messages.ts and the pages' withClientMessages lists; not used at run time.
 */
export function clientNamespacesOf(root: string, entry: string): string[] {
  const found = new Set<string>();
  const seen = new Map<string, boolean>(); // file -> visited as client
  const visit = (file: string, client: boolean) => {
    if (seen.get(file) === true || (seen.has(file) && !client)) return;
    seen.set(file, client);
    const text = fs.readFileSync(file, "utf8");
    const isClient = client || USE_CLIENT.test(text);
    if (isClient) for (const m of text.matchAll(/\buseTranslations\(\s*"([A-Za-z]+)/g)) found.add(m[1]!);
    for (const spec of importsOf(text)) {
      const target = resolve(root, file, spec);
      if (target) visit(target, isClient);
    }
  };
  visit(path.resolve(root, entry), false);
  return [...found].sort();
}

/** The directive, after any leading comments. */
const USE_CLIENT = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use client["']/;

function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+"([^"]+)"/gm)) if (!m[2]) specs.push(m[3]!);
  for (const m of text.matchAll(/^\s*import\s+"([^"]+)"/gm)) specs.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)) specs.push(m[1]!);
  return specs;
}

function resolve(root: string, from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}
