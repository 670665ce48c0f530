/**
 * The corpus of known-hostile inputs (tests/fuzz/corpus/*.json), replayed before
 * the random cases. Each entry: { id, target, note, finding?, input }. Inputs too
 * big to keep as JSON are written as builders:
 *   { "$repeat": ["W", 58000] }                          → "WWW…" (58,000 characters)
 *   { "$nest": { "levels": 2000, "kind": "blockquote" } } → a document nested 2,000 levels
 */
import fs from "node:fs";
import path from "node:path";
import { nested } from "./arbitraries";

export const TARGETS = ["section", "measure-create", "measure-update", "comment", "comment-domain", "import", "pdf"] as const;
export type Target = (typeof TARGETS)[number];

export type CorpusEntry = { id: string; target: Target; note: string; finding?: string; input: unknown };

const DIR = path.join(import.meta.dirname, "corpus");

export function loadCorpus(): CorpusEntry[] {
  const entries = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as CorpusEntry[]);
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new Error(`corpus: id ${e.id} twice`);
    if (!(TARGETS as readonly string[]).includes(e.target)) throw new Error(`corpus: ${e.id} has unknown target ${e.target}`);
    seen.add(e.id);
  }
  return entries.map((e) => ({ ...e, input: expand(e.input) }));
}

function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (!value || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if ("$repeat" in o) {
    const [text, times] = o.$repeat as [string, number];
    return text.repeat(times);
  }
  if ("$nest" in o) {
    const { levels, kind, text } = o.$nest as { levels: number; kind?: "blockquote" | "bulletList"; text?: string };
    return nested(levels, kind, text);
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, expand(v)]));
}
