/** Builders for the rules' unit tests: a small valid concept that no rule objects to, changed per test. */
import type { Indicator } from "@/db/schema";
import { computeFunding } from "@/lib/funding/compute";
import type { CheckContext } from "./types";

export const GOOD_INDICATOR: Indicator = {
  id: "00000000-0000-4000-8000-00000000a001",
  name: "Beratene Personen",
  kind: "output",
  unit: "Personen",
  baseline: "120",
  target: "200",
  dataSource: "Statistik Amt 52",
  cadence: "jährlich",
};

const doc = (text: string) => ({ type: "doc", content: text ? [{ type: "paragraph", content: [{ type: "text", text }] }] : [] });

export function goodContext(): CheckContext {
  const chapters = [
    { key: "mandate", number: "1", title: "Anlass und Auftrag", parts: [{ key: "text", title: "Text" }] },
    { key: "fields", number: "2", title: "Handlungsfelder", parts: [] },
    { key: "funding", number: "3", title: "Finanzierung", parts: [{ key: "text", title: "Text" }] },
    { key: "update", number: "4", title: "Fortschreibung", parts: [{ key: "text", title: "Text" }] },
  ];
  const measure: CheckContext["measures"][number] = {
    id: "m1",
    fieldId: "f1",
    number: "M 2.1.1",
    title: "Sprachkursberatung",
    status: "running",
    leadOffice: "Amt 52",
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    subGoalIds: ["g1"],
    fundingLines: [{ source: "municipal", programme: "Haushalt", amountCents: 100_000, until: null }],
    indicators: [GOOD_INDICATOR],
  };
  return {
    conceptId: "c1",
    today: "2026-06-01",
    settings: { validFrom: "2026-01-01", validUntil: "2030-12-31", updateCycleYears: 5 },
    chapters,
    fieldParts: [
      { key: "baseline", title: "Ausgangslage", kind: "richText" },
      { key: "goal", title: "Leitziel", kind: "richText" },
    ],
    sections: [
      { chapter: "mandate", part: "text", fieldId: null, textLength: 5, content: doc("Text.") },
      { chapter: "funding", part: "text", fieldId: null, textLength: 5, content: doc("Text.") },
      { chapter: "update", part: "text", fieldId: null, textLength: 5, content: doc("Text.") },
      { chapter: "fields", part: "baseline", fieldId: "f1", textLength: 5, content: doc("Text.") },
      { chapter: "fields", part: "goal", fieldId: "f1", textLength: 5, content: doc("Ziel.") },
    ],
    fields: [{ id: "f1", key: "language", title: "Sprache", number: "2.1" }],
    subGoals: [{ id: "g1", fieldId: "f1", text: "Mehr Kursplätze", number: "2.1.1" }],
    measures: [measure],
    funding: withFunding([measure]),
  };
}

/** The funding report for the context's measures (so a rule comparing against it sees consistent numbers). */
export function withFunding(measures: CheckContext["measures"], staffFte = "1"): CheckContext["funding"] {
  return computeFunding({
    validFrom: "2026-01-01",
    validUntil: "2030-12-31",
    staffCostPerFteCents: 8_000_000,
    fields: [{ key: "language", title: "Sprache" }],
    measures: measures.map((m) => ({ ...m, fieldKey: "language", taskType: "voluntary", status: m.status as "running", staffFte, materialCostCents: 0 })),
  });
}
