/**
 * Fuzz test of every door text comes in by (issue 10, "Beyond the list"):
 * the section save (PUT route), the measure actions (create, update), comments
 * (POST route and the domain function), the JSON import (POST route) and both
 * PDFs (export.pdf, compare.pdf against version 1).
 *
 * Invariant of every call: a 2xx whose text reads back equal, or a 4xx with a
 * German message and the municipality's data unchanged (database fingerprint
 * before/after) — never a 5xx or an uncaught error, never slower than 2 s.
 *
 * First the corpus of known-hostile inputs (tests/fuzz/corpus/*.json) is
 * replayed, then fast-check generates cases from a fixed seed.
 *   FUZZ_SEED=<n>   another seed (printed on failure; reproduce with it)
 *   FUZZ_RUNS=<n>   cases per door instead of the defaults (the PDFs get a tenth)
 *   FUZZ_SHRINK=1   shrink a failing case to a minimal one (slow: every step hits the database)
 *
 * Only next-auth's cookie decoding is replaced (there is no request in a test):
 * `auth()` returns the session id of the member the case acts as; that session
 * is a real row, checked by currentActor as always. revalidatePath and
 * getTranslations need Next's request context too: the first does nothing here,
 * the second reads the real German catalogue.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "fuzz" } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const de = (await import("@/messages/de.json")).default as unknown as Record<string, Record<string, string>>;
  return {
    getTranslations: async (namespace: string) => (key: string, values: Record<string, unknown> = {}) =>
      (de[namespace]?.[key] ?? key).replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? "")),
  };
});

import { closeDb } from "@/db";
import { createMeasureAction, updateMeasureAction } from "@/app/(app)/concepts/[conceptId]/measure-actions";
import { GET as getConceptRoute } from "@/app/api/concepts/[conceptId]/route";
import { GET as listCommentsRoute, POST as postCommentRoute } from "@/app/api/concepts/[conceptId]/comments/route";
import { GET as comparePdfRoute } from "@/app/api/concepts/[conceptId]/compare.pdf/route";
import { GET as exportPdfRoute } from "@/app/api/concepts/[conceptId]/export.pdf/route";
import { limiter, limitKey } from "@/lib/auth/rate-limit";
import { EXPORT_LIMIT } from "@/lib/export/limit";
import { PUT as saveSectionRoute } from "@/app/api/concepts/[conceptId]/sections/[sectionId]/route";
import { POST as importRoute } from "@/app/api/concepts/import/route";
import { exportConcept } from "@/lib/concepts/exchange";
import { conceptSettingsSchema } from "@/lib/concepts/settings";
import { createMeasureSchema, measureInputSchema, updateMeasureSchema } from "@/lib/measures/schema";
import { listFieldMeasures } from "@/lib/measures/service";
import { cleanCommentBody } from "@/lib/review/comment-text";
import { createThread } from "@/lib/review/comments";
import { anyDoc } from "./arbitraries";
import { loadCorpus, type Target } from "./corpus";
import { callAction, callDomain, callRoute, changedTables, describe as show, docText, jsonDepth, MAX_MS, messageProblem, snapshot, stringifyDeep, userMessages, type Outcome } from "./harness";
import { populatedTown, type Ids, type Town } from "../support/scenario";
import { FINDING_CLASSES, PENDING_ELSEWHERE } from "./findings";
import { commentInput, importInput, measureInput, pdfInput } from "./inputs";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_210);
const RUNS_OVERRIDE = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : null;
const SHRINK = process.env.FUZZ_SHRINK === "1";
const runs = (standard: number) => RUNS_OVERRIDE ?? standard;

/* ---------- the world the cases act in ---------- */

let town: Town;
let ids: Ids;
/** a second municipality for imports, so that the first one's fingerprint stays small */
let importTown: Town;
let importIds: Ids;
const stats = {
  cases: 0,
  byTarget: {} as Record<string, number>,
  slowest: { ms: 0, target: "" },
  pending: new Map<string, { count: number; example: string }>(),
  /** pending corpus entries that passed this run: candidates to remove from PENDING_ELSEWHERE */
  nowPassing: [] as string[],
};

async function asEditor<T>(fn: () => Promise<T>, who: "editor" | "reviewer" = "editor", place: Town = town): Promise<T> {
  session.id = place[who].sessionId;
  return fn();
}

async function currentSection(sectionId = ids.sectionId, conceptId = ids.conceptId) {
  const res = await asEditor(() => callRoute(getConceptRoute, { conceptId }));
  if (res.status !== 200) throw new Error(`read back failed: ${res.status}`);
  const concept = res.body as { chapters: Record<string, Record<string, { id: string; content: unknown; revision: number }>>; fields: { sections: Record<string, { id: string; content: unknown; revision: number }> }[] };
  const all = [...Object.values(concept.chapters).flatMap((c) => Object.values(c)), ...concept.fields.flatMap((f) => Object.values(f.sections))];
  const section = all.find((s) => s.id === sectionId);
  if (!section) throw new Error("section vanished");
  return section;
}

async function currentMeasure(measureId: string) {
  const { measures } = await listFieldMeasures(town.editor, { conceptId: ids.conceptId, fieldId: ids.fieldId });
  return measures.find((m) => m.id === measureId) ?? null;
}

/* ---------- checks ---------- */

/** Link targets a stored document may hold: absolute http, https, mailto (issue 10.7); anything else is a problem. */
function linkProblems(doc: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [doc];
  while (stack.length) {
    const node = stack.pop() as { marks?: { type?: string; attrs?: { href?: unknown } }[]; content?: unknown[] } | null;
    if (!node || typeof node !== "object") continue;
    for (const mark of node.marks ?? []) {
      if (mark?.type !== "link") continue;
      const href = String(mark.attrs?.href);
      let protocol = "";
      try {
        protocol = new URL(href).protocol;
      } catch {
        protocol = "(relativ)";
      }
      if (!["http:", "https:", "mailto:"].includes(protocol)) out.push(`Link gespeichert, den ein Browser als ${protocol} liest: ${show(href, 80)}`);
    }
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return out;
}

type Expectation = {
  /** what must be true of a 2xx: a list of problems (empty = text kept) */
  kept?: () => Promise<string[]>;
  /** a 409 conflict answer is a valid "nothing changed" (stale revision) */
  conflictOk?: boolean;
  /** a form's action: a refused input (400) must name the field it is about, for the form to mark it */
  namesField?: boolean;
  /** the fingerprint before the call; after a 4xx it must be the same */
  before: Record<string, string>;
  municipalityId: string;
};

async function problemsOf(outcome: Outcome, expectation: Expectation): Promise<string[]> {
  const problems: string[] = [];
  if (outcome.thrown !== undefined) {
    const e = outcome.thrown as Error;
    problems.push(`nicht abgefangener Fehler: ${e?.name}: ${String(e?.message).slice(0, 200)}`);
    return problems;
  }
  if (outcome.ms > MAX_MS) problems.push(`zu langsam: ${outcome.ms.toFixed(0)} ms`);
  if (outcome.status >= 500 || outcome.status < 200) {
    problems.push(`Status ${outcome.status}: ${show(outcome.body, 200)}`);
    return problems;
  }
  if (outcome.status < 300) {
    if (expectation.kept) problems.push(...(await expectation.kept()));
    return problems;
  }
  if (outcome.status >= 400) {
    const conflict = outcome.status === 409 && expectation.conflictOk;
    const messages = userMessages(outcome.body);
    if (!conflict && messages.length === 0) problems.push(`${outcome.status} ohne Meldung: ${show(outcome.body, 200)}`);
    const named = Object.keys((outcome.body as { fieldErrors?: Record<string, string> } | null)?.fieldErrors ?? {});
    if (expectation.namesField && outcome.status === 400 && named.length === 0) problems.push(`400 ohne betroffenes Feld: ${show(outcome.body, 200)}`);
    for (const m of messages) {
      const why = messageProblem(m);
      if (why) problems.push(`${outcome.status}: ${why}: ${show(m, 160)}`);
    }
    const after = await snapshot(expectation.municipalityId);
    const changed = changedTables(expectation.before, after);
    if (changed.length) problems.push(`${outcome.status}, aber geändert: ${changed.join(", ")}`);
    return problems;
  }
  problems.push(`unerwarteter Status ${outcome.status}`);
  return problems;
}

/* ---------- the doors ---------- */

const PLAIN_DOC = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Der Rat hat das Konzept beauftragt." }] }] };

const textOf = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** Compare what the form's schema makes of the input with what was stored (strings trimmed as the schema trims them). */
function measureTextProblems(expected: Record<string, unknown>, stored: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ["title", "code", "leadOffice", "startDate", "endDate", "taskType", "status", "priority"]) {
    if (expected[key] !== undefined && textOf(expected[key]) !== textOf(stored[key])) out.push(`Maßnahme: ${key} nicht gleich gelesen: ${show(expected[key], 80)} → ${show(stored[key], 80)}`);
  }
  for (const key of ["partners", "targetGroups"]) {
    if (expected[key] !== undefined && JSON.stringify(expected[key]) !== JSON.stringify(stored[key])) out.push(`Maßnahme: ${key} nicht gleich gelesen: ${show(expected[key], 80)} → ${show(stored[key], 80)}`);
  }
  if (expected.staffCostPerFteCents !== undefined && expected.staffCostPerFteCents !== (stored.staffCostPerFteCents ?? null)) {
    out.push(`Maßnahme: staffCostPerFteCents nicht gleich gelesen: ${show(expected.staffCostPerFteCents, 40)} → ${show(stored.staffCostPerFteCents, 40)}`);
  }
  const names = (v: unknown) => JSON.stringify(((v as { name: string; unit: string }[]) ?? []).map((i) => [i.name, i.unit]));
  if (names(expected.indicators) !== names(stored.indicators)) out.push(`Maßnahme: Indikatoren nicht gleich gelesen`);
  if (docText(expected.description) !== docText(stored.description)) out.push(`Maßnahme: Beschreibung nicht gleich gelesen`);
  out.push(...linkProblems(stored.description));
  return out;
}

const doors: Record<Target, (input: unknown, opts?: { keepDeep?: boolean }) => Promise<{ outcome: Outcome; problems: string[] }>> = {
  async section(input, opts = {}) {
    const i = (input ?? {}) as { content?: unknown; baseRevision?: unknown; raw?: string };
    const current = await currentSection();
    const before = await snapshot(ids.municipalityId);
    const body = i.raw ?? stringifyDeep({ baseRevision: i.baseRevision ?? current.revision, content: i.content });
    const outcome = await asEditor(() =>
      callRoute(saveSectionRoute, { conceptId: ids.conceptId, sectionId: ids.sectionId }, { method: "PUT", path: `/api/concepts/${ids.conceptId}/sections/${ids.sectionId}`, body }),
    );
    const problems = await problemsOf(outcome, {
      before,
      municipalityId: ids.municipalityId,
      conflictOk: true,
      kept: async () => {
        const stored = await currentSection();
        const out: string[] = [];
        if (docText(stored.content) !== docText(i.content)) out.push(`Text nicht gleich gelesen: ${show(docText(i.content), 120)} → ${show(docText(stored.content), 120)}`);
        out.push(...linkProblems(stored.content));
        return out;
      },
    });
    if (outcome.status === 200 && jsonDepth(i.content) > 80 && !opts.keepDeep) {
      // Deeply nested text was saved (finding 10.4 today): put plain text back, so that later cases (PDFs) are not judged by it.
      const revision = (outcome.body as { revision: number }).revision;
      await asEditor(() => callRoute(saveSectionRoute, { conceptId: ids.conceptId, sectionId: ids.sectionId }, { method: "PUT", body: JSON.stringify({ baseRevision: revision, content: PLAIN_DOC }) }));
    }
    return { outcome, problems };
  },

  async "measure-create"(input) {
    const full = { ...(input as object), conceptId: ids.conceptId, fieldId: ids.fieldId };
    const before = await snapshot(ids.municipalityId);
    const outcome = await asEditor(() => callAction(createMeasureAction, full));
    const problems = await problemsOf(outcome, {
      namesField: true,
      before,
      municipalityId: ids.municipalityId,
      kept: async () => {
        const id = (outcome.body as { data: { measure: { id: string } } }).data.measure.id;
        const stored = await currentMeasure(id);
        if (!stored) return ["Maßnahme nach 2xx nicht gefunden"];
        return measureTextProblems(createMeasureSchema.parse(full) as Record<string, unknown>, stored as unknown as Record<string, unknown>);
      },
    });
    return { outcome, problems };
  },

  async "measure-update"(input) {
    const current = await currentMeasure(ids.measureId);
    const full = { ...(input as object), conceptId: ids.conceptId, measureId: ids.measureId, baseRevision: current?.revision ?? 0 };
    const before = await snapshot(ids.municipalityId);
    const outcome = await asEditor(() => callAction(updateMeasureAction, full));
    const problems = await problemsOf(outcome, {
      namesField: true,
      before,
      municipalityId: ids.municipalityId,
      conflictOk: true,
      kept: async () => {
        const stored = await currentMeasure(ids.measureId);
        if (!stored) return ["Maßnahme nach 2xx nicht gefunden"];
        return measureTextProblems(updateMeasureSchema.parse(full) as Record<string, unknown>, stored as unknown as Record<string, unknown>);
      },
    });
    return { outcome, problems };
  },

  async comment(input) {
    const i = (input ?? {}) as { raw?: string; sectionText?: string };
    if (typeof i.sectionText === "string") {
      // The passage to comment on (corpus entries about anchors): written first, as the editor would.
      const saved = await doors.section({ content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: i.sectionText }] }] } });
      if (saved.problems.length) return saved;
      delete i.sectionText;
    }
    const body = i.raw ?? stringifyDeep(input);
    const before = await snapshot(ids.municipalityId);
    const outcome = await asEditor(() => callRoute(postCommentRoute, { conceptId: ids.conceptId }, { method: "POST", path: `/api/concepts/${ids.conceptId}/comments`, body }), "reviewer");
    const problems = await problemsOf(outcome, { before, municipalityId: ids.municipalityId, kept: () => commentKept(outcome, input) });
    return { outcome, problems };
  },

  async "comment-domain"(input) {
    const full = input && typeof input === "object" && !Array.isArray(input) ? { ...input, conceptId: ids.conceptId } : input;
    const before = await snapshot(ids.municipalityId);
    const outcome = await asEditor(() => callDomain(() => createThread(town.reviewer, full)), "reviewer");
    const problems = await problemsOf(outcome, { before, municipalityId: ids.municipalityId, kept: () => commentKept(outcome, input) });
    return { outcome, problems };
  },

  async import(input) {
    const i = (input ?? {}) as { raw?: string; patch?: unknown };
    const data = i.raw === undefined ? applyPatch(structuredClone(importIds.backup), i.patch) : undefined;
    const body = i.raw ?? stringifyDeep(data);
    const before = await snapshot(importIds.municipalityId);
    const outcome = await asEditor(
      () => callRoute(importRoute, {}, { method: "POST", path: `/api/concepts/import?municipalityId=${importIds.municipalityId}`, body }),
      "editor",
      importTown,
    );
    const problems = await problemsOf(outcome, {
      before,
      municipalityId: importIds.municipalityId,
      kept: async () => {
        const id = (outcome.body as { id: string }).id;
        const stored = await exportConcept(importTown.viewer, id);
        const sent = data as typeof importIds.backup;
        const out: string[] = [];
        if (!stored.concept.title.startsWith(sent.concept.title)) out.push(`Titel nicht gleich gelesen: ${show(sent.concept.title, 80)} → ${show(stored.concept.title, 80)}`);
        if (stored.concept.status !== "draft") out.push(`Import mit Status „${show(stored.concept.status, 40)}“ statt Entwurf`);
        if (!conceptSettingsSchema.safeParse(stored.concept.settings).success || !settingsDatesReal(stored.concept.settings))
          out.push(`Import umgeht die Regeln der Angaben: ${show(stored.concept.settings, 120)}`);
        sent.sections.forEach((s, n) => {
          const back = stored.sections.find((b) => b.chapter === s.chapter && b.part === s.part && b.fieldKey === s.fieldKey);
          if (!back || docText(back.content) !== docText(s.content)) out.push(`Abschnitt ${n}: Text nicht gleich gelesen`);
          if (back) out.push(...linkProblems(back.content));
        });
        sent.measures.forEach((m, n) => {
          const back = stored.measures[n];
          if (!back || back.title !== m.title || JSON.stringify(back.partners) !== JSON.stringify(m.partners) || back.leadOffice !== m.leadOffice) out.push(`Maßnahme ${n}: Text nicht gleich gelesen`);
          const form = measureInputSchema.safeParse({ ...back, subGoalIds: [] });
          if (back && !form.success) out.push(`Import umgeht die Regeln des Formulars: Maßnahme ${n}: ${show(form.error.issues[0]?.message, 100)}`);
        });
        return out;
      },
    });
    return { outcome, problems };
  },

  async pdf(input) {
    const i = (input ?? {}) as { section?: unknown; measure?: unknown };
    const problems: string[] = [];
    // The writes are themselves cases of their doors (same invariant).
    // Always write the section, so that no earlier case's content decides this case's PDFs.
    problems.push(...(await doors.section({ content: i.section ?? PLAIN_DOC }, { keepDeep: true })).problems.map((p) => `Speichern: ${p}`));
    if (i.measure !== undefined) problems.push(...(await doors["measure-update"](i.measure)).problems.map((p) => `Maßnahme: ${p}`));
    let last: Outcome | null = null;
    // The fuzzer exports far more often than the installation lets one person (lib/export/limit.ts): a fresh count per case.
    await (await limiter(EXPORT_LIMIT)).delete(limitKey(town.reviewer.id));
    for (const [route, path] of [
      [exportPdfRoute, `/api/concepts/${ids.conceptId}/export.pdf`],
      [comparePdfRoute, `/api/concepts/${ids.conceptId}/compare.pdf?from=1&to=draft`],
    ] as const) {
      const name = path.includes("compare") ? "compare.pdf" : "export.pdf";
      const outcome = await asEditor(() => callRoute(route, { conceptId: ids.conceptId }, { path }), "reviewer");
      last = outcome;
      if (outcome.thrown !== undefined) problems.push(`${name}: nicht abgefangener Fehler: ${String((outcome.thrown as Error)?.message).slice(0, 200)}`);
      else if (outcome.status === 200) {
        if (!outcome.pdf || Buffer.from(outcome.pdf.subarray(0, 5)).toString() !== "%PDF-") problems.push(`${name}: 200 ohne PDF`);
      } else {
        // Content the save accepted must print: a refusal of the PDF is a problem even when its message is German.
        problems.push(`${name}: ${outcome.status} für gespeicherten Inhalt: ${show(userMessages(outcome.body).join(" "), 160)}`);
      }
      if (outcome.ms > MAX_MS) problems.push(`${name}: zu langsam: ${outcome.ms.toFixed(0)} ms`);
    }
    return { outcome: last!, problems };
  },
};

async function commentKept(outcome: Outcome, input: unknown): Promise<string[]> {
  const threadId = (outcome.body as { threadId: string }).threadId;
  const list = await asEditor(() => callRoute(listCommentsRoute, { conceptId: ids.conceptId }), "reviewer");
  const thread = (list.body as { threads: { id: string; comments: { body: string }[] }[] }).threads.find((t) => t.id === threadId);
  const sent = cleanCommentBody(String((input as { body?: unknown }).body));
  if (!thread) return ["Kommentar nach 2xx nicht gefunden"];
  return thread.comments[0]?.body === sent ? [] : [`Kommentar nicht gleich gelesen: ${show(sent, 80)} → ${show(thread.comments[0]?.body, 80)}`];
}

function settingsDatesReal(settings: Record<string, unknown>): boolean {
  return ["validFrom", "validUntil"].every((k) => {
    const v = settings[k];
    if (v === null || v === undefined) return true;
    const d = new Date(`${String(v)}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(String(v));
  });
}

/** Merge a patch into the backup; object keys "0", "1" … address array items; a section's "content" is replaced, not merged. */
function applyPatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== "object" || Array.isArray(patch) || !target || typeof target !== "object") return patch === undefined ? target : patch;
  const out = target as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) out[k] = k === "content" ? v : applyPatch(out[k], v);
  return out;
}

/* ---------- running a case ---------- */

function record(target: Target, label: string, input: unknown, outcome: Outcome, problems: string[], pendingIds: string[]) {
  stats.cases += 1;
  stats.byTarget[target] = (stats.byTarget[target] ?? 0) + 1;
  if (outcome.ms > stats.slowest.ms) stats.slowest = { ms: outcome.ms, target: `${target} ${label}` };
  if (problems.length === 0) return [];
  const pending = pendingIds.find((id) => PENDING_ELSEWHERE.includes(id));
  if (pending) {
    const entry = stats.pending.get(pending) ?? { count: 0, example: `${target} ${label}: ${problems[0]} — Eingabe ${show(input, 200)}` };
    entry.count += 1;
    stats.pending.set(pending, entry);
    return [];
  }
  return problems;
}

function classesOf(target: Target, input: unknown, problems: string[]): string[] {
  return Object.entries(FINDING_CLASSES)
    .filter(([, c]) => c.matches(target, input, problems))
    .map(([name]) => name);
}

async function runCase(target: Target, input: unknown, label: string, pendingIds: string[] = []) {
  const { outcome, problems } = await doors[target](input);
  return record(target, label, input, outcome, problems, [...pendingIds, ...classesOf(target, input, problems)]);
}

/* ---------- the test ---------- */

beforeAll(async () => {
  ({ town, ids } = await populatedTown("Fuzzstadt"));
  ({ town: importTown, ids: importIds } = await populatedTown("Importstadt"));
}, 120_000);

afterAll(async () => {
  const lines = [
    `Fuzz: ${stats.cases} Fälle (Seed ${SEED}) — ${Object.entries(stats.byTarget)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}; langsamster Aufruf ${stats.slowest.ms.toFixed(0)} ms (${stats.slowest.target})`,
    ...[...stats.pending].map(([id, p]) => `  bekannt, wird anderswo behoben (${id}): ${p.count}× — ${p.example}`),
    ...(stats.nowPassing.length ? [`  in PENDING_ELSEWHERE, aber bestanden (nach dem Zusammenführen entfernen): ${stats.nowPassing.join(", ")}`] : []),
  ];
  console.log(lines.join("\n"));
  await closeDb();
});

describe("fuzz: the corpus of known-hostile inputs", () => {
  const corpus = loadCorpus();

  it("names every pending entry that exists", () => {
    const known = new Set([...corpus.map((e) => e.id), ...Object.keys(FINDING_CLASSES)]);
    expect(PENDING_ELSEWHERE.filter((id) => !known.has(id))).toEqual([]);
  });

  for (const entry of corpus) {
    it(`${entry.target}: ${entry.id}${entry.finding ? ` (Befund ${entry.finding})` : ""}`, async () => {
      const input = entry.target.startsWith("comment") ? resolvePlaceholders(entry.input) : entry.input;
      const { outcome, problems } = await doors[entry.target](input);
      const pending = PENDING_ELSEWHERE.includes(entry.id);
      record(entry.target, entry.id, input, outcome, problems, [entry.id, ...classesOf(entry.target, input, problems)]);
      if (pending) {
        // Not a failure: some of these findings fail only with a small stack (2,000 levels), so a pass can be luck.
        if (problems.length === 0) stats.nowPassing.push(entry.id);
        return;
      }
      const unexplained = problems.filter(() => !classesOf(entry.target, input, problems).some((c) => PENDING_ELSEWHERE.includes(c)));
      expect(unexplained, `${entry.id}: ${entry.note}\nEingabe: ${show(input, 300)}`).toEqual([]);
    });
  }
});

function resolvePlaceholders(value: unknown): unknown {
  if (typeof value === "string") {
    return value === "$sectionId" ? ids.sectionId : value === "$measureId" ? ids.measureId : value === "$fieldId" ? ids.fieldId : value;
  }
  if (Array.isArray(value)) return value.map(resolvePlaceholders);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v)]));
  return value;
}

/* ---------- random cases ---------- */

const PLAN: { target: Target; arbitrary: fc.Arbitrary<unknown>; runs: number }[] = [
  { target: "section", arbitrary: fc.oneof({ weight: 3, arbitrary: anyDoc.map((content) => ({ content })) }, { weight: 1, arbitrary: fc.anything().map((raw) => ({ raw: JSON.stringify(raw) ?? "" })) }), runs: runs(400) },
  { target: "measure-create", arbitrary: measureInput, runs: runs(200) },
  { target: "measure-update", arbitrary: measureInput, runs: runs(200) },
  { target: "comment", arbitrary: commentInput, runs: runs(300) },
  { target: "comment-domain", arbitrary: commentInput, runs: runs(150) },
  { target: "import", arbitrary: importInput, runs: runs(150) },
  { target: "pdf", arbitrary: pdfInput, runs: RUNS_OVERRIDE ? Math.max(1, Math.ceil(RUNS_OVERRIDE / 10)) : 30 },
];

describe("fuzz: random cases (fast-check)", () => {
  for (const { target, arbitrary, runs: numRuns } of PLAN) {
    it(`${target}: ${numRuns} Fälle`, async () => {
      let n = 0;
      const property = fc.asyncProperty(arbitrary, async (raw) => {
        n += 1;
        const input = target.startsWith("comment") ? resolvePlaceholders(raw) : raw;
        const problems = await runCase(target, input, `#${n}`);
        if (problems.length) throw new Error(`${problems.join("\n")}\nEingabe: ${show(input, 600)}`);
      });
      const result = await fc.check(property, { seed: SEED, numRuns, endOnFailure: !SHRINK });
      if (result.failed) {
        throw new Error(
          `Fuzz ${target}: Fall ${result.numRuns} von ${numRuns} verletzt die Invariante (FUZZ_SEED=${SEED}, Pfad ${result.counterexamplePath}).\n` +
            String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance),
        );
      }
    }, 120_000);
  }
});

