/**
 * The concept template, version 1 (see shared/DESIGN.md). Code, not data in the
 * database: a concept records the templateVersion it was created with, so it
 * keeps rendering when the template grows (version 2: ./v2.ts).
 */

export type PartKind = "richText" | "subGoals" | "measures";

export type PartDef = { key: string; title: string; kind: PartKind; hint: string };

export type ChapterDef = {
  key: string;
  title: string;
  hint: string;
  /** rich-text parts of the chapter; the fields chapter has none of its own */
  parts: PartDef[];
  /** structured settings shown above the text (see settings.ts) */
  settings: readonly string[];
};

export type FieldDef = { key: string; title: string };

export const STANDARD_FIELDS: readonly FieldDef[] = [
  { key: "language", title: "Sprache" },
  { key: "work", title: "Arbeit und Ausbildung" },
  { key: "education", title: "Bildung" },
  { key: "housing", title: "Wohnen" },
  { key: "participation", title: "Gesellschaftliche Teilhabe" },
  { key: "health", title: "Gesundheit" },
];

/** The parts every field of action has, in this order. */
export const FIELD_PARTS: readonly PartDef[] = [
  { key: "baseline", title: "Ausgangslage", kind: "richText", hint: "Daten, Bedarfe und bestehende Angebote in diesem Handlungsfeld." },
  { key: "goal", title: "Leitziel", kind: "richText", hint: "Das übergeordnete Ziel für dieses Handlungsfeld." },
  { key: "subGoals", title: "Teilziele", kind: "subGoals", hint: "Konkrete, überprüfbare Teilziele." },
  { key: "measures", title: "Maßnahmen", kind: "measures", hint: "Maßnahmen mit Federführung, Zeitraum, Kosten und Indikatoren." },
];

const text = (hint: string): PartDef[] => [{ key: "text", title: "Text", kind: "richText", hint }];

export const CHAPTERS: readonly ChapterDef[] = [
  {
    key: "mandate",
    title: "Anlass und Auftrag",
    hint: "Warum das Konzept entsteht, der Auftrag des Rates und der Geltungszeitraum.",
    parts: text("Anlass, Ratsauftrag (Datum, Drucksache) und Geltungszeitraum."),
    settings: ["validFrom", "validUntil"],
  },
  {
    key: "vision",
    title: "Integrationsverständnis und Leitbild",
    hint: "Leitziele und Integrationsverständnis der Kommune.",
    parts: text("Leitbild und Leitziele."),
    settings: ["wholeSociety"],
  },
  {
    key: "baseline",
    title: "Ausgangslage",
    hint: "Daten zur Bevölkerung und bestehende Angebote, mit einer kleinen Tabelle der Kennzahlen.",
    parts: text("Kennzahlen (z. B. als Tabelle) und bestehende Angebote."),
    settings: [],
  },
  {
    key: "governance",
    title: "Steuerung und Organisation",
    hint: "Federführendes Amt, Organisationsmodell, Gremien und Netzwerke.",
    parts: text("Zuständigkeiten, Gremien, zivilgesellschaftliche Netzwerke."),
    settings: ["orgModel", "leadOffice"],
  },
  { key: "fields", title: "Handlungsfelder", hint: "Die Handlungsfelder mit Zielen und Maßnahmen.", parts: [], settings: [] },
  {
    key: "participation_process",
    title: "Beteiligungsprozess",
    hint: "Wer an der Erarbeitung beteiligt war und wie Beiträge berücksichtigt wurden.",
    parts: text("Beteiligte, Formate, Umgang mit Rückmeldungen."),
    settings: [],
  },
  {
    key: "funding",
    title: "Finanzierung",
    hint: "Übersicht der Finanzierung aus den Maßnahmen, dazu erläuternder Text.",
    parts: text("Erläuterungen zur Finanzierung."),
    settings: [],
  },
  {
    key: "monitoring",
    title: "Monitoring und Evaluation",
    hint: "Kontextmonitoring und Controlling der eigenen Maßnahmen.",
    parts: text("Kontextmonitoring, Maßnahmencontrolling, Berichtswesen."),
    settings: [],
  },
  {
    key: "update",
    title: "Fortschreibung",
    hint: "Turnus der Fortschreibung und zuständige Stelle.",
    parts: text("Verfahren der Fortschreibung."),
    settings: ["updateCycleYears", "updateOffice"],
  },
  {
    key: "demands",
    title: "Forderungen an Land und Bund",
    hint: "Was die Kommune von Land und Bund erwartet.",
    parts: text("Forderungen an Land und Bund."),
    settings: [],
  },
];

export const FIELDS_CHAPTER = "fields";
