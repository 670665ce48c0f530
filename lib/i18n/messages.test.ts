import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { CHAPTERS, CURRENT_TEMPLATE, FIELD_PARTS, FIELDS_INTRO, STANDARD_FIELDS, TEMPLATE_VERSIONS, templateFor } from "@/lib/template";
import type { Locale } from "./config";
import { LABEL_SOURCES, localizeLabels } from "./labels";
import { lookupOf } from "./lookup";
import { localizeTemplate } from "./template";

type Tree = { [key: string]: string | Tree };

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every leaf of a message tree as "a.b.c" → text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

/** Every key path, leaves and branches, so that "a.b" as text in one file and as a branch in the other differ. */
function paths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [`${full}:text`] : [`${full}:branch`, ...paths(value, full)];
  });
}

/** Argument names and rich-text tags a message uses ("{title}", "{count, plural, …}", "<strong>"). */
function placeholders(message: string): string[] {
  const args = [...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

const catalogues: Record<Locale, Tree> = { de, en };
const catalogueEntries = Object.entries(catalogues) as [Locale, Tree][];
const deLeaves = leaves(catalogues.de);
const enLeaves = leaves(catalogues.en);

describe("message catalogues", () => {
  it("de.json and en.json have exactly the same keys", () => {
    expect(paths(catalogues.en).sort()).toEqual(paths(catalogues.de).sort());
  });

  it.each(catalogueEntries)("%s.json has no empty messages", (_locale, tree) => {
    const empty = [...leaves(tree)].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(catalogueEntries)("every message of %s.json is valid ICU syntax", (locale, tree) => {
    const invalid: string[] = [];
    const t = createTranslator({
      locale,
      messages: tree as Record<string, unknown>,
      onError: (error) => {
        // Missing argument values are expected here (none are passed); broken syntax is not.
        if (error.code === "INVALID_MESSAGE" || error.code === "INVALID_KEY") invalid.push(error.message);
      },
    }) as unknown as { (key: string): string; rich(key: string, values: Record<string, unknown>): unknown };
    for (const [key, text] of leaves(tree)) {
      if (/<\w+>/.test(text)) t.rich(key, { strong: (chunks: unknown) => chunks });
      else t(key);
    }
    expect(invalid).toEqual([]);
  });

  it("an English message uses the same arguments and tags as its German original", () => {
    const mismatches = [...deLeaves]
      .filter(([key, text]) => enLeaves.has(key) && placeholders(text).join() !== placeholders(enLeaves.get(key) ?? "").join())
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it("formats German messages exactly as the former literals", () => {
    const t = createTranslator({ locale: "de", messages: de });
    expect(t("members.count", { count: 1 })).toBe("1 Mitglied");
    expect(t("members.count", { count: 1500 })).toBe("1500 Mitglieder");
    expect(t("concept.partLabel", { part: "Ausgangslage", field: "Sprache" })).toBe("Ausgangslage – Sprache");
    expect(t("measures.editLabel", { title: "Sprachcafé" })).toBe("„Sprachcafé“ bearbeiten");
    expect(t("import.invalidJsonNamed", { name: "kaputt.json" })).toMatch(/^Die Datei „kaputt\.json“ enthält kein gültiges JSON\./);
    expect(t("measures.periodFrom", { start: "01.03.2026" })).toBe("ab 01.03.2026");
  });
});

describe("German labels and template texts mirror lib/", () => {
  it("labels in de.json equal lib's label maps", () => {
    expect(de.labels).toEqual(JSON.parse(JSON.stringify(LABEL_SOURCES)));
  });

  it("template texts in de.json equal lib/template (the current version, which has every earlier one's parts)", () => {
    const chapters = Object.fromEntries(
      CURRENT_TEMPLATE.chapters.map((c) => [
        c.key,
        {
          title: c.title,
          hint: c.hint,
          // A chapter's one "Text" is named by the chapter; any other part has its own title.
          ...(c.parts.length ? { parts: Object.fromEntries(c.parts.map((p) => [p.key, p.key === "text" ? { hint: p.hint } : { title: p.title, hint: p.hint }])) } : {}),
        },
      ]),
    );
    for (const version of TEMPLATE_VERSIONS) {
      for (const c of templateFor(version).chapters) for (const p of c.parts) expect(chapters[c.key]?.parts, `${version}: ${c.key}/${p.key}`).toHaveProperty(p.key);
    }
    const fields = Object.fromEntries(STANDARD_FIELDS.map((f) => [f.key, { title: f.title }]));
    const fieldParts = Object.fromEntries(FIELD_PARTS.map((p) => [p.key, { title: p.title, hint: p.hint }]));
    expect(de.template).toEqual({ chapters, fields, fieldParts });
  });

  it("English labels and template texts come from en.json, custom fields keep their title", () => {
    const labelsEn = localizeLabels("en", lookupOf(createTranslator({ locale: "en", messages: en, namespace: "labels" })));
    expect(labelsEn.roles.editor).toBe(en.labels.roles.editor);
    expect(localizeLabels("de", () => "unused").roles).toBe(LABEL_SOURCES.roles);

    const templateEn = localizeTemplate("en", lookupOf(createTranslator({ locale: "en", messages: en, namespace: "template" })));
    const mandate = CHAPTERS.find((c) => c.key === "mandate")!;
    expect(templateEn.chapterTitle(mandate)).toBe(en.template.chapters.mandate.title);
    expect(templateEn.fieldTitle({ key: "language", title: "Sprache" })).toBe(en.template.fields.language.title);
    expect(templateEn.fieldTitle({ key: "custom-antidiskriminierung-x1", title: "Antidiskriminierung", custom: true })).toBe("Antidiskriminierung");
    expect(templateEn.fieldTitle({ key: "custom-unknown", title: "Eigenes Feld" })).toBe("Eigenes Feld");

    const fields = CURRENT_TEMPLATE.chapters.find((c) => c.key === "fields")!;
    expect(templateEn.chapterPartTitle(fields, FIELDS_INTRO)).toBe(en.template.chapters.fields.parts.intro.title);
    expect(templateEn.chapterPartTitle(mandate, mandate.parts[0]!)).toBe(en.template.chapters.mandate.title);

    const templateDe = localizeTemplate("de", () => "unused");
    expect(templateDe.chapterPartTitle(fields, FIELDS_INTRO)).toBe("Einführung in die Handlungsfelder");
    expect(templateDe.fieldPartTitle(FIELD_PARTS[0]!)).toBe(FIELD_PARTS[0]!.title);
  });
});

/* ---------- keys used in the source ---------- */

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

type Binding = { name: string; namespace: string; at: number };

const DECLARATION = /^const (\w+) = (?:await )?(?:useTranslations|getTranslations)\(\s*"([\w.]+)"\s*\)/;

/**
 * Where a translator variable gets its namespace: `const t = useTranslations("ns")`,
 * `const t = await getTranslations("ns")`, or a parameter typed with an alias
 * `type XT = ReturnType<typeof useTranslations<"ns">>` (`function f(t: XT)`).
 */
function bindings(source: string): Binding[] {
  const found: Binding[] = [];
  for (const m of source.matchAll(new RegExp(DECLARATION.source.slice(1), "g"))) {
    found.push({ name: m[1]!, namespace: m[2]!, at: m.index });
  }
  for (const alias of source.matchAll(/type (\w+) = ReturnType<typeof (?:useTranslations|getTranslations)<"([\w.]+)">>/g)) {
    for (const m of source.matchAll(new RegExp(`\\b(\\w+): ${alias[1]}\\b`, "g"))) {
      found.push({ name: m[1]!, namespace: alias[2]!, at: m.index });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

describe("translation keys in app/ and components/", () => {
  const files = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))];
  const uses = files.map((file) => {
    const source = fs.readFileSync(file, "utf8");
    const found = bindings(source);
    const keys: { key: string; namespace: string | null }[] = [];
    for (const name of new Set(found.map((b) => b.name))) {
      for (const call of source.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*"([^"]+)"`, "g"))) {
        // The translator in scope is the latest one of that name declared above the call.
        const binding = found.filter((b) => b.name === name && b.at < call.index).at(-1);
        keys.push({ key: call[1]!, namespace: binding?.namespace ?? null });
      }
    }
    return { file: path.relative(ROOT, file), source, found, keys };
  });

  it("finds the translations of the UI", () => {
    // A scan that matches nothing would pass the next test trivially.
    expect(uses.filter((u) => u.found.length > 0).length).toBeGreaterThan(20);
    expect(uses.reduce((n, u) => n + u.keys.length, 0)).toBeGreaterThan(300);
  });

  it("understands every translator the source creates", () => {
    // Each useTranslations(…) / getTranslations(…) call must be a `const x = …("namespace")` the scan reads.
    const unscanned = uses
      .filter((u) => {
        const calls = (u.source.match(/\b(?:useTranslations|getTranslations)\(/g) ?? []).length;
        const declared = u.found.filter((b) => DECLARATION.test(u.source.slice(b.at))).length;
        return calls !== declared;
      })
      .map((u) => u.file);
    expect(unscanned).toEqual([]);
  });

  it('every t("…") key exists in de.json', () => {
    const missing = uses.flatMap((u) =>
      u.keys
        .filter(({ key, namespace }) => namespace === null || !deLeaves.has(`${namespace}.${key}`))
        .map(({ key, namespace }) => `${u.file}: ${namespace ?? "?"}.${key}`),
    );
    expect(missing).toEqual([]);
  });
});
