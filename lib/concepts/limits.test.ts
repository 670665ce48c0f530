/**
 * Property: a backup, a version snapshot and a restore accept whatever the
 * forms accept, and refuse whatever the forms refuse, with the forms' own
 * German message naming the field. Walks every limit of the measure form, the
 * concept title, the chapter settings, the fields of action and the sub-goals
 * (see tests/support/form-limits.ts). The database round trip of the same
 * inputs is in tests/integration/limits.test.ts.
 */
import { assignIndicatorIds } from "@/lib/measures/indicator-ids";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conceptTitleSchema, fieldTitleSchema, MAX_CUSTOM_FIELDS } from "@/lib/concepts/schema";
import { conceptSettingsSchema } from "@/lib/concepts/settings";
import { validateDoc } from "@/lib/editor/validate";
import { measureInputSchema, subGoalText } from "@/lib/measures/schema";
import { parseSnapshot } from "@/lib/versions/snapshot";
import type { z } from "@/lib/validation";
import {
  conceptTitleInput,
  customFieldCount,
  fieldTitleInput,
  LABELS,
  measureAtEveryMaximum,
  measureInput,
  SETTING_NAMES,
  settingsInput,
  subGoalTextInput,
  type MeasureFormInput,
} from "../../tests/support/form-limits";
import { buildConceptSnapshot, parseConceptExport, planImportRows, type ExportSource } from "./exchange";

const FIELD_ID = "00000000-0000-4000-8000-000000000001";
// A fixed seed keeps the run repeatable (and its coverage checks stable); FC_SEED=<n> explores others.
const RUNS = { numRuns: 400, seed: Number(process.env.FC_SEED ?? 20_261_202) };

function backup(parts: { concept?: Record<string, unknown>; fields?: unknown[]; subGoals?: unknown[]; measures?: unknown[] }) {
  return {
    format: "konzeptwerk.concept",
    formatVersion: 1,
    exportedAt: "2026-12-02T10:00:00.000Z",
    concept: { title: "Integrationskonzept", templateVersion: 1, status: "draft", settings: {}, ...parts.concept },
    fields: parts.fields ?? [{ key: "language", title: "Sprache", custom: false, position: 0 }],
    sections: [],
    subGoals: parts.subGoals ?? [],
    measures: parts.measures ?? [],
  };
}

/** The measure row the service stores for a form input that passed (staff as numeric(6,2) text). */
function storedRow(data: z.output<typeof measureInputSchema>): ExportSource["measures"][number] {
  const { subGoalIds: _ids, ...content } = data;
  const description = validateDoc(data.description);
  if (!description.ok) throw new Error(description.error);
  return {
    id: "00000000-0000-4000-8000-0000000000b1",
    fieldId: FIELD_ID,
    position: 0,
    ...content,
    description: description.doc,
    subGoalIds: [],
    staffFte: data.staffFte === null ? null : data.staffFte.toFixed(2),
    // the service gives each indicator its id
    indicators: assignIndicatorIds(data.indicators),
    // typed in the form, not taken from the peer library
    origin: null,
  };
}

/** The message a refused input must get in a backup: the path, the field's German name, the form's own words. */
function expectNamedRefusal(error: string, path: (string | number)[], formMessage: string, name: string) {
  expect(error.startsWith(`${path.join(".")} (`), error).toBe(true);
  expect(error, error).toContain(name);
  // the form's message, without the field name it may start with
  expect(error, error).toContain(formMessage.replace(/^[^:]+: /, ""));
  expect(error).not.toMatch(/\b(Invalid|expected|Expected|Too big|Too small)\b/);
}

const nameOf = (path: PropertyKey[]) => LABELS[String([...path].reverse().find((k) => typeof k === "string"))] ?? "";

/** Accepted and refused cases seen, so that a generator that produces only one kind fails the test. */
const seen = { accepted: 0, refused: 0 };

function checkMeasure(m: MeasureFormInput) {
  const form = measureInputSchema.safeParse({ ...m, subGoalIds: [] });
  const imported = parseConceptExport(backup({ measures: [{ fieldKey: "language", position: 0, subGoalRefs: [], ...m }] }));
  seen[form.success ? "accepted" : "refused"]++;
  if (!form.success) {
    expect(imported.ok, `the form refuses ${form.error.issues[0]?.path.join(".")}, the import must too`).toBe(false);
    const issue = form.error.issues[0]!;
    expectNamedRefusal(imported.ok ? "" : imported.error, ["measures", 0, ...(issue.path as (string | number)[])], issue.message, nameOf(issue.path));
    return;
  }
  expect(imported.ok ? "ok" : imported.error).toBe("ok");

  // A version of the stored measure: readable, and its restore (or import) writes the same content back.
  const row = storedRow(form.data);
  const source: ExportSource = {
    concept: { title: "Integrationskonzept", templateVersion: 1, status: "draft", settings: {} },
    fields: [{ id: FIELD_ID, key: "language", title: "Sprache", custom: false, position: 0 }],
    sections: [],
    subGoals: [],
    measures: [row],
  };
  const snapshot = buildConceptSnapshot(source, new Date("2026-12-02T10:00:00Z"));
  const version = parseSnapshot(JSON.parse(JSON.stringify(snapshot.data)), snapshot.ids);
  expect(version.ok ? "ok" : version.error).toBe("ok");
  if (!version.ok) return;
  const rows = planImportRows(version.value.data, {
    conceptId: "c",
    municipalityId: "m",
    userId: "u",
    fieldIds: new Map([["language", FIELD_ID]]),
  });
  const { id: _id, fieldId: _f, position: _p, ...stored } = row;
  const { conceptId: _c, municipalityId: _m, fieldId: _rf, position: _rp, updatedBy: _u, ...written } = rows.measures[0]!;
  expect(written).toEqual(stored);
}

describe("the measure form's limits in a backup, a version and a restore", () => {
  it("a measure with every text, list and number at its maximum passes everywhere", () => {
    expect(measureInputSchema.safeParse({ ...measureAtEveryMaximum(), subGoalIds: [] }).success).toBe(true);
    checkMeasure(measureAtEveryMaximum());
  });

  it("whatever the form accepts passes, whatever it refuses is refused naming the field", () => {
    seen.accepted = seen.refused = 0;
    fc.assert(fc.property(measureInput, (m) => checkMeasure(m)), RUNS);
    expect(seen.accepted).toBeGreaterThan(RUNS.numRuns / 10);
    expect(seen.refused).toBeGreaterThan(RUNS.numRuns / 10);
  });
});

describe("the limits of the concept's title, settings, fields and sub-goals in a backup", () => {
  const input = fc.record({
    title: conceptTitleInput,
    settings: settingsInput,
    fieldTitles: fc.array(fieldTitleInput, { maxLength: 3 }),
    customFields: customFieldCount,
    goals: fc.array(subGoalTextInput, { maxLength: 3 }),
  });

  it("whatever the forms accept passes and comes back the same, whatever they refuse is refused naming the field", () => {
    seen.accepted = seen.refused = 0;
    fc.assert(
      fc.property(input, ({ title, settings, fieldTitles, customFields, goals }) => {
        const titles = Array.from({ length: customFields }, (_, i) => fieldTitles[i] ?? `Eigenes Handlungsfeld ${i + 1}`);
        const data = backup({
          concept: { title, settings },
          fields: [
            { key: "language", title: "Sprache", custom: false, position: 0 },
            ...titles.map((t, i) => ({ key: `eigen-${i}`, title: t, custom: true, position: i + 1 })),
          ],
          subGoals: goals.map((text, i) => ({ ref: `sg-${i + 1}`, fieldKey: "language", text, position: i })),
        });
        const result = parseConceptExport(data);

        // The forms, in the order the backup lists these parts.
        const checks: { path: (string | number)[]; result: z.ZodSafeParseResult<unknown>; name: (p: PropertyKey[]) => string }[] = [
          { path: ["concept", "title"], result: conceptTitleSchema().safeParse(title), name: () => "Titel" },
          { path: ["concept", "settings"], result: conceptSettingsSchema.safeParse(settings), name: (p) => SETTING_NAMES[String(p[0])] ?? "Angaben" },
          ...titles.map((t, i) => ({ path: ["fields", i + 1, "title"], result: fieldTitleSchema().safeParse(t), name: () => "Name" })),
          ...goals.map((g, i) => ({ path: ["subGoals", i, "text"], result: subGoalText.safeParse(g), name: () => "Teilziel" })),
        ];
        const refused = checks.find((c) => !c.result.success);
        seen[refused || customFields > MAX_CUSTOM_FIELDS ? "refused" : "accepted"]++;
        if (refused && !refused.result.success) {
          expect(result.ok).toBe(false);
          const issue = refused.result.error.issues[0]!;
          expectNamedRefusal(result.ok ? "" : result.error, [...refused.path, ...(issue.path as (string | number)[])], issue.message, refused.name(issue.path));
          return;
        }
        if (customFields > MAX_CUSTOM_FIELDS) {
          expect(result.ok ? "ok" : result.error).toBe(`fields: Ein Konzept hat höchstens ${MAX_CUSTOM_FIELDS} eigene Handlungsfelder. Die Sicherung hat ${customFields}.`);
          return;
        }
        expect(result.ok ? "ok" : result.error).toBe("ok");
        if (!result.ok) return;
        const v = result.value;
        expect(v.concept.title).toBe(conceptTitleSchema().parse(title));
        expect(v.concept.settings).toEqual(conceptSettingsSchema.parse(settings));
        expect(v.fields.slice(1).map((f) => f.title)).toEqual(titles.map((t) => fieldTitleSchema().parse(t)));
        expect(v.subGoals.map((g) => g.text)).toEqual(goals.map((g) => subGoalText.parse(g)));
      }),
      { ...RUNS, numRuns: 200 },
    );
    expect(seen.accepted).toBeGreaterThan(200 / 10);
    expect(seen.refused).toBeGreaterThan(200 / 10);
  });
});
