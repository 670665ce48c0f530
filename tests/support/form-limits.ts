/**
 * Inputs of the forms that walk every limit: text lengths around each minimum
 * and maximum (with spaces that trimming removes), numbers at and past each
 * bound, list counts at and past each maximum, real and impossible dates, and
 * now and then a value of the wrong kind. Used to prove that a backup, a
 * version snapshot and a restore accept exactly what the forms accept.
 */
import fc from "fast-check";
import { CONCEPT_TITLE, FIELD_TITLE, MAX_CUSTOM_FIELDS } from "@/lib/concepts/schema";
import { MAX_SETTING_TEXT } from "@/lib/concepts/settings";
import { MAX_CENTS, MAX_LIST_ITEMS, MAX_RATE_CENTS, MAX_SHORT_TEXT, MAX_STAFF_FTE, MAX_SUB_GOAL_TEXT, MEASURE_TITLE } from "@/lib/measures/schema";

/** German names of the measure form's inputs, written out here (not taken from the code under test). */
export const LABELS: Record<string, string> = {
  title: "Titel",
  code: "Kürzel",
  description: "Beschreibung",
  targetGroups: "Zielgruppen",
  taskType: "Aufgabenart",
  leadOffice: "Federführung",
  partners: "Kooperationspartner",
  status: "Status",
  startDate: "Beginn",
  endDate: "Ende",
  priority: "Priorität",
  staffFte: "Personal",
  materialCostCents: "Sachkosten",
  staffCostPerFteCents: "Personalkosten je VZÄ",
  fundingLines: "Förderung",
  indicators: "Indikator",
  source: "Quelle",
  programme: "Programm",
  amountCents: "Betrag",
  until: "bis",
  name: "Name des Indikators",
  kind: "Art",
  unit: "Einheit",
  baseline: "Basiswert",
  target: "Zielwert",
  dataSource: "Datenquelle",
  cadence: "Erhebungsturnus",
};

export const SETTING_NAMES: Record<string, string> = {
  validFrom: "Gültig ab",
  validUntil: "Gültig bis",
  wholeSociety: "Ausrichtung",
  orgModel: "Organisationsmodell",
  orgModelOther: "Anderes Organisationsmodell",
  leadOffice: "Federführende Stelle",
  updateCycleYears: "Fortschreibung alle",
  updateOffice: "Zuständig für die Fortschreibung",
};

// Letters, umlauts, a euro sign and spaces: one UTF-16 unit each, so a length is a length.
const char = fc.constantFrom("a", "Z", "ä", "ß", "€", "-", " ", "1");

/** A string of exactly n characters (spaces inside, so trimming may shorten it). */
const ofLength = (n: number) => fc.array(char, { minLength: n, maxLength: n }).map((cs) => cs.join(""));
const letters = (n: number) => fc.constant("x".repeat(n));

/** One input: values the form must accept (at and inside its bounds) and values it must refuse (just past them). */
type Input<T> = { ok: fc.Arbitrary<T>; bad: fc.Arbitrary<unknown> };

/** Text of min..max characters (after trimming). */
export function text(min: number, max: number): Input<string> {
  const inside = [...new Set([min, min + 1, max - 1, max])].filter((n) => n >= min && n <= max && n >= 0);
  return {
    ok: fc.oneof(
      fc.constantFrom(...inside).chain(letters),
      fc.constantFrom(...inside).map((n) => `  ${"y".repeat(n)} `),
      fc.integer({ min, max: Math.min(max, min + 40) }).chain((n) => fc.string({ minLength: n, maxLength: n, unit: fc.constantFrom("a", "ä", "€", "1") })),
    ),
    bad: fc.oneof(
      letters(max + 1),
      ...(min > 0 ? [letters(min - 1), ofLength(min - 1), fc.constant(" ".repeat(max))] : []),
      fc.constant(42),
    ),
  };
}

/** A list of 0..max items. */
function list<T>(item: Input<T>, max: number): Input<T[]> {
  return {
    ok: fc.constantFrom(0, 1, 2, max).chain((n) => fc.array(item.ok, { minLength: n, maxLength: n })),
    bad: fc.oneof(
      fc.array(item.ok, { minLength: max + 1, maxLength: max + 1 }),
      fc.tuple(fc.array(item.ok, { maxLength: 2 }), item.bad).map(([good, wrong]) => [...good, wrong]),
    ),
  };
}

const choice = <T extends string>(values: readonly T[], wrong: string): Input<T> => ({ ok: fc.constantFrom(...values), bad: fc.constantFrom(wrong, "") });
const nullable = <T>(input: Input<T>): Input<T | null> => ({ ok: fc.oneof(fc.constant(null), input.ok), bad: input.bad });

/** Real calendar dates (or none), and impossible or malformed ones. */
export const date: Input<string | null> = {
  ok: fc.constantFrom(null, "2026-03-01", "2026-12-31", "2028-02-29", "2000-02-29", "1000-01-01", "9999-12-31"),
  bad: fc.constantFrom("2026-02-29", "2026-02-30", "2029-13-01", "2026-04-31", "0000-00-00", "0999-12-31", "2026-3-1", "01.03.2026", "2026-00-10", "1900-02-29"),
};

const money: Input<number> = {
  ok: fc.oneof(fc.constantFrom(0, 1, 99, MAX_CENTS), fc.integer({ min: 0, max: MAX_CENTS })),
  bad: fc.constantFrom(MAX_CENTS + 1, -1, 0.5, Number.MAX_SAFE_INTEGER, "100"),
};

const staff: Input<number> = {
  ok: fc.oneof(fc.constantFrom(0, 0.01, 0.5, MAX_STAFF_FTE - 0.01, MAX_STAFF_FTE), fc.integer({ min: 0, max: MAX_STAFF_FTE * 100 }).map((n) => n / 100)),
  bad: fc.constantFrom(MAX_STAFF_FTE + 0.01, 9999.99, -0.01, 0.125, 1.005, "1,5"),
};

const short = text(0, MAX_SHORT_TEXT);

/** A measure's own code: "" (none) or 1–16 letters, digits, - . _ / starting with a letter or digit. */
const codeChar = fc.constantFrom("S", "p", "Ä", "ß", "1", "0", "-", ".", "_", "/");
const code: Input<string> = {
  ok: fc.oneof(
    fc.constantFrom("", "SP-01", "  Ä/1.b_2 ", "x".repeat(16), "9"),
    fc.tuple(fc.constantFrom("A", "ö", "7"), fc.array(codeChar, { maxLength: 15 })).map(([first, rest]) => first + rest.join("")),
  ),
  bad: fc.constantFrom("x".repeat(17), "-SP", "SP 01", "SP#1", ".a", "/1", 42),
};

/** The measure's own personnel cost rate: more than 0 €, at most 1.000.000 € per VZÄ and year. */
const rate: Input<number> = {
  ok: fc.oneof(fc.constantFrom(1, 7_800_000, MAX_RATE_CENTS), fc.integer({ min: 1, max: MAX_RATE_CENTS })),
  bad: fc.constantFrom(0, -1, 0.5, MAX_RATE_CENTS + 1, MAX_CENTS, "78000"),
};

/** Records where every value is accepted, or exactly one value is refused (then `refused` names it). */
function record<S extends Record<string, Input<unknown>>>(shape: S) {
  const ok = fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.ok]))) as fc.Arbitrary<{ [K in keyof S]: S[K] extends Input<infer T> ? T : never }>;
  const keys = Object.keys(shape);
  const bad = fc
    .tuple(ok, fc.constantFrom(...keys))
    .chain(([base, key]) => shape[key]!.bad.map((wrong) => ({ ...base, [key]: wrong })));
  return { ok, bad } as Input<{ [K in keyof S]: S[K] extends Input<infer T> ? T : never }>;
}

export const fundingLineInput = record({
  source: choice(["municipal", "state", "federal", "eu", "thirdParty"], "bank"),
  programme: short,
  amountCents: money,
  until: date,
});

export const indicatorInput = record({
  name: text(1, MAX_SHORT_TEXT),
  kind: choice(["output", "outcome"], "impact"),
  unit: short,
  baseline: short,
  target: short,
  dataSource: short,
  cadence: short,
});

/** Measure inputs the form accepts or refuses (exactly one value past a limit). */
export const measureShape = record({
  title: text(MEASURE_TITLE.min, MEASURE_TITLE.max),
  code,
  description: { ok: fc.constant({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Beschreibung" }] }] }), bad: fc.constant({ type: "paragraph" }) },
  targetGroups: list(text(1, MAX_SHORT_TEXT), MAX_LIST_ITEMS),
  taskType: choice(["mandatory", "voluntary"], "optional"),
  leadOffice: short,
  partners: list(text(1, MAX_SHORT_TEXT), MAX_LIST_ITEMS),
  status: choice(["planned", "running", "completed", "established"], "cancelled"),
  startDate: date,
  endDate: date,
  priority: choice(["high", "medium", "low"], "urgent"),
  staffFte: nullable(staff),
  materialCostCents: nullable(money),
  staffCostPerFteCents: nullable(rate),
  fundingLines: list(fundingLineInput, MAX_LIST_ITEMS),
  indicators: list(indicatorInput, MAX_LIST_ITEMS),
});

/**
 * What the measure form sends (without links to sub-goals, which a backup
 * writes as refs): half of them acceptable (an end before the start among
 * them, which the form refuses), half with one value past a limit.
 */
export const measureInput = fc.oneof(measureShape.ok, measureShape.bad) as fc.Arbitrary<MeasureFormInput>;

export type MeasureFormInput = {
  title: string;
  code: string;
  description: unknown;
  targetGroups: string[];
  taskType: string;
  leadOffice: string;
  partners: string[];
  status: string;
  startDate: string | null;
  endDate: string | null;
  priority: string;
  staffFte: number | null;
  materialCostCents: number | null;
  staffCostPerFteCents: number | null;
  fundingLines: { source: string; programme: string; amountCents: number; until: string | null }[];
  indicators: { name: string; kind: string; unit: string; baseline: string; target: string; dataSource: string; cadence: string }[];
};

/** A measure with every text, list and number at its largest allowed value. */
export function measureAtEveryMaximum(): MeasureFormInput {
  const text = (n: number, c = "x") => c.repeat(n);
  const indicator = { name: text(MAX_SHORT_TEXT, "n"), kind: "outcome", unit: text(MAX_SHORT_TEXT, "u"), baseline: text(MAX_SHORT_TEXT, "b"), target: text(MAX_SHORT_TEXT, "t"), dataSource: text(MAX_SHORT_TEXT, "d"), cadence: text(MAX_SHORT_TEXT, "c") };
  const funding = { source: "eu", programme: text(MAX_SHORT_TEXT, "p"), amountCents: MAX_CENTS, until: "9999-12-31" };
  return {
    title: text(MEASURE_TITLE.max, "T"),
    code: text(16, "K"),
    description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Beschreibung" }] }] },
    targetGroups: Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `${i}`.padEnd(MAX_SHORT_TEXT, "z")),
    taskType: "mandatory",
    leadOffice: text(MAX_SHORT_TEXT, "l"),
    partners: Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `${i}`.padEnd(MAX_SHORT_TEXT, "p")),
    status: "established",
    startDate: "1000-01-01",
    endDate: "9999-12-31",
    priority: "low",
    staffFte: MAX_STAFF_FTE,
    materialCostCents: MAX_CENTS,
    staffCostPerFteCents: MAX_RATE_CENTS,
    fundingLines: Array.from({ length: MAX_LIST_ITEMS }, () => funding),
    indicators: Array.from({ length: MAX_LIST_ITEMS }, () => indicator),
  };
}

const settingsShape = record({
  validFrom: date,
  validUntil: date,
  wholeSociety: { ok: fc.constantFrom(true, false, null), bad: fc.constant("ja") },
  orgModel: { ok: fc.constantFrom("staff_unit", "integration_centre", "migration_office", "other", null), bad: fc.constant("kgb") },
  orgModelOther: text(0, MAX_SETTING_TEXT),
  leadOffice: text(0, MAX_SETTING_TEXT),
  updateCycleYears: { ok: fc.constantFrom(null, 1, 5, 20), bad: fc.constantFrom(0, 21, 2.5, "5") },
  updateOffice: text(0, MAX_SETTING_TEXT),
});

/** The chapter settings as the settings form sends them (some keys left out). */
export const settingsInput = fc
  .tuple(fc.oneof(settingsShape.ok, settingsShape.bad), fc.subarray(["validFrom", "validUntil", "wholeSociety", "orgModel", "orgModelOther", "leadOffice", "updateCycleYears", "updateOffice"]))
  .map(([settings, keep]) => Object.fromEntries(Object.entries(settings as Record<string, unknown>).filter(([k]) => keep.includes(k))));

const either = <T>(input: Input<T>) => fc.oneof({ weight: 3, arbitrary: input.ok }, { weight: 1, arbitrary: input.bad });
export const conceptTitleInput = either(text(CONCEPT_TITLE.min, CONCEPT_TITLE.max));
export const fieldTitleInput = either(text(FIELD_TITLE.min, FIELD_TITLE.max));
export const subGoalTextInput = either(text(1, MAX_SUB_GOAL_TEXT));
/** How many own fields of action a concept gets. */
export const customFieldCount = fc.constantFrom(0, 1, 2, MAX_CUSTOM_FIELDS, MAX_CUSTOM_FIELDS + 1);
