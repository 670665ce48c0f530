/**
 * Import into an existing draft (issues 11 and 12, the Fortschreibung): the
 * demo concept is the draft; a Markdown file as an office would write its
 * update (a new Ausgangslage, a changed list of Teilziele, a measures table)
 * is taken part by part. Also the demo's own Word export taken back whole:
 * nothing may change its words, and every measure keeps its identity.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { listVersionRows } from "@/db/queries/versions";
import { insertSeedConcept } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { exportConcept, readConcept } from "@/lib/concepts/exchange";
import { plainText } from "@/lib/editor/document";
import { exportConceptOffice } from "@/lib/export/office";
import { importIntoDraft, type DraftImportResult } from "@/lib/import/into-draft";
import { changeStatus, restoreVersion } from "@/lib/versions/service";
import { wordsOf } from "@/lib/import/words";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;

beforeAll(async () => {
  town = await makeMunicipality("Fortschreibstadt");
  conceptId = (await insertSeedConcept(await getDb(), { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept })).id;
}, 120_000);
afterAll(() => closeDb());

type Concept = Awaited<ReturnType<typeof readConcept>>;
const field = (c: Concept, key: string) => c.fields.find((f) => f.key === key)!;
const partText = (c: Concept, key: string, part: string) => plainText(field(c, key).sections[part]!.content);
const read = () => readConcept(town.viewer, conceptId);
const md = (text: string) => new TextEncoder().encode(text);

async function update(): Promise<string> {
  const language = field(await read(), "language");
  const [kept] = language.subGoals;
  const [linked] = language.measures;
  return [
    "# Handlungsfelder",
    "",
    "## Sprache",
    "",
    "### Ausgangslage",
    "",
    "Im Jahr 2026 besuchten 412 Personen einen Integrationskurs; die Warteliste ist auf sechs Wochen gesunken.",
    "",
    "### Leitziel",
    "",
    "Alle Zugewanderten erreichen das Sprachniveau, das sie für Arbeit und Alltag brauchen.",
    "",
    "### Teilziele",
    "",
    `- ${kept!.text}`,
    "- Ein Sprachcafé in jedem Stadtteil bis 2028.",
    "",
    "### Maßnahmen",
    "",
    "| Maßnahme | Federführung | Zeitraum | Kosten |",
    "| --- | --- | --- | --- |",
    `| ${linked!.title} | Volkshochschule | 2026–2028 | 12.500 € |`,
    "| Sprachcafés in den Stadtteilen | Integrationsbüro | 01/2027 | 4.000 € |",
    "",
  ].join("\n");
}

const run = (bytes: Uint8Array, mapping: null | "auto", places: null | "all" | string[], actor = town.editor, fileName = "fortschreibung.md") =>
  importIntoDraft(actor, { conceptId, fileName, bytes, mapping, places });

function expectKind<K extends DraftImportResult["kind"]>(r: DraftImportResult, kind: K): Extract<DraftImportResult, { kind: K }> {
  expect(r.kind).toBe(kind);
  return r as Extract<DraftImportResult, { kind: K }>;
}

describe("a Markdown update of one field, part by part", () => {
  it("shows the places the file fills beside the draft, and writes nothing", async () => {
    const before = await exportConcept(town.viewer, conceptId);
    const versions = (await listVersionRows({ conceptId })).length;
    const proposal = expectKind(await run(md(await update()), null, null), "proposal");
    expect(proposal.proposal.blocks.length).toBeGreaterThan(3);
    const { places } = expectKind(await run(md(await update()), "auto", null), "places");
    expect(places.map((p) => [p.id, p.kind, p.label])).toEqual([
      ["field:language:baseline", "text", "Sprache – Ausgangslage"],
      ["field:language:goal", "text", "Sprache – Leitziel"],
      ["field:language:subGoals", "subGoals", "Sprache – Teilziele"],
      ["field:language:measures", "measures", "Sprache – Maßnahmen"],
    ]);
    const baseline = places[0]!;
    expect(baseline.inFile).toBe(15);
    expect(baseline.inDraft).toBeGreaterThan(15);
    expect(places[2]).toMatchObject({ inFile: 2, same: false, newField: false });
    expect({ ...(await exportConcept(town.viewer, conceptId)), exportedAt: "" }).toEqual({ ...before, exportedAt: "" });
    expect((await listVersionRows({ conceptId })).length).toBe(versions);
  });

  it("takes the chosen places, leaves the rest, and keeps the identity of what stays the same", async () => {
    const before = await read();
    const language = field(before, "language");
    const [keptGoal, droppedGoal] = language.subGoals;
    const [linked, dropped] = language.measures;
    expect(linked!.subGoalIds).toContain(keptGoal!.id);

    const result = expectKind(await run(md(await update()), "auto", ["field:language:baseline", "field:language:subGoals", "field:language:measures"]), "imported");
    expect(result.taken.map((p) => p.label)).toEqual(["Sprache – Ausgangslage", "Sprache – Teilziele", "Sprache – Maßnahmen"]);
    const after = await read();
    const lang = field(after, "language");

    expect(partText(after, "language", "baseline")).toBe("Im Jahr 2026 besuchten 412 Personen einen Integrationskurs; die Warteliste ist auf sechs Wochen gesunken.");
    // Not chosen: the Leitziel stays as the draft had it; so does every other field.
    expect(partText(after, "language", "goal")).toBe(partText(before, "language", "goal"));
    expect(field(after, "work")).toEqual(field(before, "work"));

    expect(lang.subGoals.map((g) => g.text)).toEqual([keptGoal!.text, "Ein Sprachcafé in jedem Stadtteil bis 2028."]);
    expect(lang.subGoals[0]!.id).toBe(keptGoal!.id);
    expect(lang.subGoals.some((g) => g.id === droppedGoal?.id)).toBe(false);

    expect(lang.measures.map((m) => m.title)).toEqual([linked!.title, "Sprachcafés in den Stadtteilen"]);
    const same = lang.measures[0]!;
    expect(same.id).toBe(linked!.id);
    expect(same.leadOffice).toBe("Volkshochschule");
    // The file links it to no goal: it keeps its link to the goal that stayed.
    expect(same.subGoalIds).toEqual([keptGoal!.id]);
    expect(lang.measures.some((m) => m.id === dropped?.id)).toBe(false);
  });

  it("is one change, kept as a version before it, and restoring that version undoes it", async () => {
    const [newest] = await listVersionRows({ conceptId });
    expect(newest).toMatchObject({ kind: "before_import", label: "Stand vor Import aus „fortschreibung.md“" });
    const restored = await restoreVersion(town.editor, { conceptId, number: newest!.number });
    expect(restored.restored).toBe(newest!.number);
    const back = await read();
    expect(partText(back, "language", "baseline")).not.toContain("412 Personen");
    expect(field(back, "language").measures.map((m) => m.title)).not.toContain("Sprachcafés in den Stadtteilen");
  });
});

describe("refused, with nothing written", () => {
  it.each([
    ["a place the file does not fill", ["chapter:mandate"], /kein Teil, den die Datei füllt/],
    ["no place at all", [], /mindestens einen Teil/],
  ])("%s", async (_label, places, message) => {
    const before = await exportConcept(town.viewer, conceptId);
    const versions = (await listVersionRows({ conceptId })).length;
    await expect(run(md(await update()), "auto", places)).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(message) });
    expect({ ...(await exportConcept(town.viewer, conceptId)), exportedAt: "" }).toEqual({ ...before, exportedAt: "" });
    expect((await listVersionRows({ conceptId })).length).toBe(versions);
  });

  it("a backup file (that is a new concept, not an update)", async () => {
    const backup = new TextEncoder().encode(JSON.stringify(await exportConcept(town.viewer, conceptId)));
    await expect(run(backup, "auto", "all", town.editor, "sicherung.json")).rejects.toMatchObject({ message: expect.stringMatching(/als neues Konzept/) });
  });

  it("a reviewer, a viewer and another municipality's admin", async () => {
    const other = await makeMunicipality("Nachbarstadt");
    await expect(run(md(await update()), "auto", "all", town.reviewer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(run(md(await update()), null, null, town.viewer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(run(md(await update()), null, null, other.admin)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the draft's own Word export taken back whole", () => {
  it("changes no word and keeps every sub-goal and measure", async () => {
    const before = await read();
    const file = await exportConceptOffice(town.editor, conceptId, "docx");
    const result = expectKind(await run(new Uint8Array(file.bytes), "auto", "all", town.editor, "konzept.docx"), "imported");
    expect(result.report.wordsPlaced).toBe(result.report.wordsIn);
    const after = await read();
    for (const f of before.fields) {
      const g = field(after, f.key);
      for (const [part, s] of Object.entries(f.sections)) expect(wordsOf(plainText(g.sections[part]!.content)), `${f.key}/${part}`).toEqual(wordsOf(plainText(s.content)));
      expect(g.subGoals.map((x) => [x.id, x.text])).toEqual(f.subGoals.map((x) => [x.id, x.text]));
      expect(g.measures.map((m) => [m.id, m.title, m.leadOffice])).toEqual(f.measures.map((m) => [m.id, m.title, m.leadOffice]));
    }
    for (const [chapter, parts] of Object.entries(before.chapters)) {
      for (const [part, s] of Object.entries(parts)) expect(wordsOf(plainText(after.chapters[chapter]![part]!.content)), chapter).toEqual(wordsOf(plainText(s.content)));
    }
  }, 120_000);
});

describe("an adopted concept", () => {
  it("is refused: its content is what the council decided", async () => {
    for (const status of ["interdepartmental", "participation", "council_proposal"]) await changeStatus(town.admin, { conceptId, status });
    await changeStatus(town.admin, { conceptId, status: "adopted", decisionDate: "2026-11-30", decisionReference: "Drucksache 2026/0815" });
    await expect(run(md(await update()), "auto", "all")).rejects.toMatchObject({ code: "conflict" });
  });
});
