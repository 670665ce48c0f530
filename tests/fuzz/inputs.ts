/** The random inputs of each door the fuzz test knocks on (tests/fuzz/fuzz.test.ts): mostly valid, with hostile parts. */
import fc from "fast-check";
import { anyDoc, hostileString, validishDoc } from "./arbitraries";

const isoDateish = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "2029-13-01", "0000-00-00", "2026-2-3", "20260101", "", "9999-12-31", "2026-02-29", "2028-02-29"),
  hostileString({ maxLength: 12 }),
);

const indicator = fc.record(
  { name: hostileString(), kind: fc.constantFrom<unknown>("output", "outcome", "impact", 1), unit: hostileString({ maxLength: 210 }), baseline: hostileString(), target: hostileString() },
  { requiredKeys: ["name", "kind"] },
);

const measureFields = fc.record(
  {
    title: fc.oneof({ weight: 3, arbitrary: hostileString({ maxLength: 60 }) }, { weight: 1, arbitrary: hostileString({ long: true }) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) }),
    taskType: fc.constantFrom<unknown>("voluntary", "mandatory", "voluntary", "optional", null),
    leadOffice: hostileString(),
    partners: fc.array(hostileString(), { maxLength: 5 }),
    targetGroups: fc.array(hostileString(), { maxLength: 5 }),
    status: fc.constantFrom<unknown>("planned", "running", "completed", "established", "deleted"),
    priority: fc.constantFrom<unknown>("high", "medium", "low", "urgent"),
    startDate: isoDateish,
    endDate: isoDateish,
    staffFte: fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -5, max: 2000 }).map((n) => n / 100), fc.constantFrom<unknown>(9999.99, "1,5", null)),
    materialCostCents: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom<unknown>(-1, 1.5, "100", null)),
    // Own code (unique per concept, ignoring case: the repeated constants reach the duplicate path) and own cost rate.
    code: fc.oneof(hostileString({ maxLength: 20 }), fc.constantFrom<unknown>("SP-01", "sp-01", "Ä/1", "", null)),
    staffCostPerFteCents: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom<unknown>(0, -1, 1.5, "7800000", null, 7_800_000)),
    description: anyDoc,
    indicators: fc.array(indicator, { maxLength: 3 }),
    fundingLines: fc.array(
      fc.record({ source: fc.constantFrom<unknown>("municipal", "state", "federal", "eu", "thirdParty", "mars"), programme: hostileString(), amountCents: fc.integer({ min: -10, max: 1e9 }), until: isoDateish }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ["title", "taskType"] },
);

/** Mostly valid measures with one hostile field, so that the cases get past the schema and reach the database. */
export const measureInput = fc.oneof(
  { weight: 2, arbitrary: measureFields },
  {
    weight: 3,
    arbitrary: fc
      .tuple(hostileString({ maxLength: 80 }), hostileString(), fc.array(hostileString(), { maxLength: 3 }), validishDoc)
      .map(([title, leadOffice, partners, description]) => ({ title: `Maßnahme ${title}`, taskType: "voluntary", leadOffice, partners, description })),
  },
);

const commentTarget = fc.oneof(
  fc.record({ kind: fc.constant("text"), sectionId: fc.constant("$sectionId"), quote: fc.oneof(hostileString(), fc.constantFrom("hat das Konzept", "Rat", "")) }, { requiredKeys: ["kind", "sectionId"] }),
  fc.record({ kind: fc.constant("text"), sectionId: fc.constant("$sectionId"), start: fc.integer({ min: -5, max: 200 }), end: fc.integer({ min: -5, max: 200 }) }),
  fc.record({ kind: fc.constant("measure"), measureId: fc.oneof(fc.constant("$measureId"), fc.uuid(), hostileString()) }),
  fc.record({ kind: fc.constant("chapter"), chapter: fc.oneof(fc.constantFrom("mandate", "vision", "steering", "fields"), hostileString()), fieldKey: fc.option(fc.oneof(fc.constantFrom("language", "work"), hostileString())) }),
  fc.anything({ maxDepth: 2 }),
);

export const commentInput = fc.record(
  {
    target: commentTarget,
    body: fc.oneof({ weight: 6, arbitrary: hostileString({ maxLength: 80 }) }, { weight: 1, arbitrary: hostileString({ long: true }) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) }),
  },
  { requiredKeys: ["target", "body"] },
);

const importPatch = fc.oneof(
  fc.record(
    {
      concept: fc.record(
        {
          title: hostileString({ maxLength: 80 }),
          status: fc.oneof(fc.constantFrom("draft", "adopted", "deleted", "consultation"), hostileString({ maxLength: 10 })),
          settings: fc.record({ validFrom: isoDateish, validUntil: isoDateish, leadOffice: hostileString() }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      sections: fc.dictionary(fc.constantFrom("0", "1", "2"), fc.record({ content: anyDoc }), { maxKeys: 2 }),
      measures: fc.dictionary(
        fc.constantFrom("0", "1"),
        fc.record({ title: hostileString({ maxLength: 60 }), partners: fc.array(hostileString(), { maxLength: 3 }), leadOffice: hostileString(), staffFte: fc.double({ min: 0, max: 10_000 }), startDate: isoDateish, code: fc.oneof(hostileString({ maxLength: 20 }), fc.constantFrom("SP-01", "sp-01")), staffCostPerFteCents: fc.constantFrom<unknown>(0, 7_800_000, null, "1") }, { requiredKeys: [] }),
        { maxKeys: 2 },
      ),
      fields: fc.dictionary(fc.constantFrom("0", "1"), fc.record({ title: hostileString() }, { requiredKeys: [] }), { maxKeys: 1 }),
    },
    { requiredKeys: [] },
  ),
).map((patch) => ({ patch }));

export const importInput = fc.oneof({ weight: 8, arbitrary: importPatch }, { weight: 1, arbitrary: fc.oneof(hostileString({ maxLength: 60 }), fc.json()).map((raw) => ({ raw })) });

export const pdfInput = fc.record({ section: validishDoc, measure: measureInput }, { requiredKeys: [] });
