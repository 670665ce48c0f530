import { describe, expect, it } from "vitest";
import type { ExportedMeasure } from "@/lib/concepts/exchange";
import { doc, p } from "@/lib/editor/build";
import { compareSnapshots, type ComparableSnapshot } from "./concept";

const measure = (over: Partial<ExportedMeasure> = {}): ExportedMeasure => ({
  fieldKey: "language",
  position: 0,
  code: "",
  title: "Sprachcafé im Stadtteil",
  description: doc(p("Wöchentliches Sprachcafé mit Ehrenamtlichen.")),
  subGoalRefs: [],
  targetGroups: ["Neuzugewanderte"],
  taskType: "voluntary",
  leadOffice: "Integrationsbüro",
  partners: [],
  status: "planned",
  startDate: "2026-01-01",
  endDate: null,
  priority: "medium",
  staffFte: 0.5,
  materialCostCents: 2_000_000,
  staffCostPerFteCents: null,
  fundingLines: [{ source: "state", programme: "KOMM-AN NRW", amountCents: 1_500_000, until: null }],
  indicators: [{ name: "Teilnehmende", kind: "output", unit: "Personen", baseline: "0", target: "200", dataSource: "", cadence: "" }],
  ...over,
});

function snapshot(over: { mandate?: string; measures?: ExportedMeasure[]; ids?: string[]; fieldTitle?: string } = {}): ComparableSnapshot {
  const measures = over.measures ?? [measure()];
  return {
    data: {
      concept: { title: "Integrationskonzept", templateVersion: 1, settings: { updateCycleYears: 3 } },
      fields: [{ key: "language", title: over.fieldTitle ?? "Sprache", custom: false, position: 0 }],
      sections: [
        { chapter: "mandate", part: "text", fieldKey: null, content: doc(p(over.mandate ?? "Der Rat hat das Konzept beauftragt.")) },
        { chapter: "fields", part: "baseline", fieldKey: "language", content: doc(p("Viele Kurse sind voll.")) },
      ],
      subGoals: [],
      measures,
    },
    ids: { measures: over.ids ?? measures.map((_, i) => `00000000-0000-4000-8000-00000000000${i}`) },
  };
}

/** A compared value without its bidi isolation marks. */
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, "");

describe("compareSnapshots", () => {
  it("finds nothing between equal states and folds every section as unchanged", () => {
    const c = compareSnapshots(snapshot(), snapshot());
    expect(c.totals).toMatchObject({ sections: 0, measuresAdded: 0, measuresRemoved: 0, measuresChanged: 0, general: 0 });
    expect(c.sections.every((s) => s.state === "unchanged")).toBe(true);
  });

  it("compares a measure field by field in German formats", () => {
    const c = compareSnapshots(snapshot(), snapshot({ measures: [measure({ status: "running", materialCostCents: 3_500_000, indicators: [{ ...measure().indicators[0]!, target: "250" }] })] }));
    const m = c.measures[0]!;
    expect(m.state).toBe("changed");
    const byLabel = Object.fromEntries(m.diff!.fields.map((f) => [f.label, f]));
    expect(byLabel["Status"]).toMatchObject({ before: "geplant", after: "laufend" });
    expect(byLabel["Sachkosten"]!.before).toMatch(/^20\.000,00\s€$/);
    expect(byLabel["Sachkosten"]!.after).toMatch(/^35\.000,00\s€$/);
    expect(plain(byLabel["Indikator „Teilnehmende“"]!.after)).toContain("0 → 250 Personen");
    expect(m.diff!.description).toBeNull();
    expect(c.groups.find((g) => g.key === "field:language")!.measures).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it("tells indicators apart by their id: two of one name, a renamed one, and a unit without values", () => {
    const a = { id: "ind-a", name: "Teilnehmende", kind: "output" as const, unit: "Personen", baseline: "0", target: "200", dataSource: "", cadence: "" };
    const b = { ...a, id: "ind-b", target: "50", unit: "Frauen" };
    const c = { id: "ind-c", name: "Zufriedenheit", kind: "outcome" as const, unit: "Punkte", baseline: "", target: "", dataSource: "", cadence: "" };
    const before = measure({ indicators: [a, b, c] });
    // The first "Teilnehmende" gets a new target, the second keeps everything; the third is renamed and its unit changes.
    const after = measure({ indicators: [{ ...a, target: "250" }, b, { ...c, name: "Zufriedenheit der Teilnehmenden", unit: "Schulnote" }] });
    const fields = compareSnapshots(snapshot({ measures: [before] }), snapshot({ measures: [after] })).measures[0]!.diff!.fields;
    expect(fields.map((f) => [f.label, plain(f.before), plain(f.after)])).toEqual([
      ["Indikator „Teilnehmende“", "Teilnehmende (Output), 0 → 200 Personen", "Teilnehmende (Output), 0 → 250 Personen"],
      ["Indikator „Zufriedenheit der Teilnehmenden“", "Zufriedenheit (Outcome), Einheit: Punkte", "Zufriedenheit der Teilnehmenden (Outcome), Einheit: Schulnote"],
    ]);
  });

  it("compares partners, target groups and funding entry by entry, one entry per line, an entry with a comma whole", () => {
    const before = measure({ partners: ["Volkshochschule", "Jobcenter"], targetGroups: ["Neuzugewanderte"] });
    const after = measure({
      partners: ["Volkshochschule", "Haus- und Grundbesitzerverein, Ortsgruppe Nord"],
      targetGroups: ["Neuzugewanderte", "Eltern"],
      fundingLines: [...before.fundingLines, { source: "eu", programme: "AMIF", amountCents: 500_000, until: null }],
    });
    const fields = compareSnapshots(snapshot({ measures: [before] }), snapshot({ measures: [after] })).measures[0]!.diff!.fields;
    const entries = (label: string) => {
      const f = fields.find((x) => x.label === label)!;
      expect(f.words, `${label}: no word diff over a joined string`).toBeUndefined();
      const show = (es: { text: string; added?: boolean; removed?: boolean }[]) => es.map((e) => `${e.added ? "+" : e.removed ? "-" : " "}${plain(e.text)}`);
      return [show(f.entries!.before), show(f.entries!.after)];
    };
    expect(entries("Partner")).toEqual([
      [" Volkshochschule", "-Jobcenter"],
      [" Volkshochschule", "+Haus- und Grundbesitzerverein, Ortsgruppe Nord"],
    ]);
    expect(entries("Zielgruppen")).toEqual([[" Neuzugewanderte"], [" Neuzugewanderte", "+Eltern"]]);
    expect(entries("Finanzierung")[1]!.map((e) => e.replace(/\s/g, " "))).toEqual([" Land (KOMM-AN NRW): 15.000,00 €", "+EU (AMIF): 5.000,00 €"]);
  });

  it("lists a removed measure with its fields and an added one, matched by id not by title", () => {
    const kept = measure({ title: "Sprachcafé im Quartier" });
    const added = measure({ title: "Jobcoaching", leadOffice: "Jobcenter" });
    const c = compareSnapshots(
      snapshot({ measures: [measure(), measure({ title: "Elternkurs" })], ids: ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"] }),
      snapshot({ measures: [kept, added], ids: ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000003"] }),
    );
    expect(c.measures.map((m) => [m.title, m.state])).toEqual([
      ["Sprachcafé im Quartier", "changed"],
      ["Jobcoaching", "added"],
      ["Elternkurs", "removed"],
    ]);
    // User strings are isolated (FSI … PDI) inside the compared lines.
    expect(c.measures[0]!.diff!.fields[0]).toMatchObject({ label: "Titel", before: "\u2068Sprachcafé im Stadtteil\u2069", after: "\u2068Sprachcafé im Quartier\u2069" });
    expect(c.measures[2]!.summary).toContainEqual({ label: "Federführung", value: "\u2068Integrationsbüro\u2069" });
    // lists keep their entries for the renderers
    expect(c.measures[2]!.summary.find((r) => r.label === "Zielgruppen")!.items).toEqual(["\u2068Neuzugewanderte\u2069"]);
    expect(c.totals).toMatchObject({ measuresAdded: 1, measuresRemoved: 1, measuresChanged: 1 });
  });

  it("orders sections by the template, counts changes per chapter and reports a renamed field", () => {
    const c = compareSnapshots(snapshot(), snapshot({ mandate: "Der Rat hat das Konzept am 1. März beauftragt.", fieldTitle: "Sprache und Kommunikation" }));
    expect(c.sections[0]!.group).toMatchObject({ key: "chapter:mandate", number: "1", title: "Anlass und Auftrag" });
    expect(c.sections.find((s) => s.key === "mandate/text/")!.state).toBe("changed");
    expect(c.groups.find((g) => g.key === "chapter:mandate")!.sections).toBe(1);
    expect(c.general).toContainEqual(expect.objectContaining({ label: "Handlungsfeld", before: "Sprache", after: "Sprache und Kommunikation" }));
  });
});

describe("open proposals in a comparison", () => {
  const proposed = (type: "insertion" | "deletion", text: string, id: string) => ({ type: "text", text, marks: [{ type, attrs: { id, author: "u-1", at: "2026-12-01T10:00:00.000Z" } }] });

  it("compares the text without proposals, and lists each side's proposals as proposals", () => {
    const withProposals = snapshot();
    withProposals.data.sections[0]!.content = doc(p("Der Rat", proposed("insertion", " der Stadt", "s1"), " hat das Konzept ", proposed("deletion", "beauftragt", "s2"), "."));
    const c = compareSnapshots(snapshot({ mandate: "Der Rat hat das Konzept beauftragt." }), withProposals);
    const mandate = c.sections.find((s) => s.key.includes("mandate"))!;
    // The proposals are not changes: the text without them is what the older state says.
    expect(mandate.state).toBe("unchanged");
    expect(c.totals.sections).toBe(0);
    expect(mandate.proposals.before).toEqual([]);
    expect(mandate.proposals.after).toEqual([
      { id: "s1", kind: "insert", author: "u-1", at: "2026-12-01T10:00:00.000Z", inserted: " der Stadt", deleted: "" },
      { id: "s2", kind: "delete", author: "u-1", at: "2026-12-01T10:00:00.000Z", inserted: "", deleted: "beauftragt" },
    ]);
    const baseline = c.sections.find((s) => s.key.includes("baseline"))!;
    expect(baseline.proposals).toEqual({ before: [], after: [] });
  });

  it("a real change beside a proposal is a change; the proposal stays out of the diff", () => {
    const to = snapshot();
    to.data.sections[0]!.content = doc(p("Der Rat hat das Konzept 2026 beauftragt.", proposed("insertion", " Einstimmig.", "s3")));
    const c = compareSnapshots(snapshot(), to);
    const mandate = c.sections.find((s) => s.key.includes("mandate"))!;
    expect(mandate.state).toBe("changed");
    expect(mandate.diff.changes.map((x) => x.inserted).join("")).not.toContain("Einstimmig");
    expect(mandate.proposals.after.map((x) => x.inserted)).toEqual([" Einstimmig."]);
  });
});

