/**
 * Generated concepts for tests and the benchmark: every node type and mark of
 * the editor, measures with every field, about `pages` A4 pages of text.
 * Deterministic (no randomness), valid for parseConceptExport.
 */
import type { JSONContent } from "@tiptap/core";
import type { ConceptExport, ExportedMeasure } from "@/lib/concepts/exchange";
import { CHAPTERS, STANDARD_FIELDS } from "@/lib/template";

const WORDS =
  "Integration Sprache Arbeit Ausbildung Bildung Wohnen Teilhabe Gesundheit Beratung Kommune Netzwerk Angebot Zugewanderte Quartier Förderung Maßnahme Ziel Ehrenamt Schule Kita Straße Größe Übergang".split(
    " ",
  );

const t = (text: string, marks?: JSONContent["marks"]): JSONContent => (marks ? { type: "text", text, marks } : { type: "text", text });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });

function words(seed: number, n: number) {
  let s = "";
  for (let i = 0; i < n; i++) s += `${WORDS[(seed * 7 + i * 13) % WORDS.length]}${i % 12 === 11 ? ". " : " "}`;
  return s.trim();
}

/** One block of every kind the editor knows (≈ ¾ page). */
export function richSample(seed: number, text?: string): JSONContent[] {
  const cell = (type: "tableHeader" | "tableCell", s: string): JSONContent => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t(s))] });
  return [
    // Every fifth block opens with a heading 4 alone (the PDF must still have gap-free levels).
    { type: "heading", attrs: { level: seed % 5 === 0 ? 4 : 3 }, content: [t(`Abschnitt ${seed}`)] },
    p(
      t(text ?? words(seed, 40)),
      t(" fett", [{ type: "bold" }]),
      t(" kursiv", [{ type: "italic" }]),
      t(" unterstrichen", [{ type: "underline" }]),
      t(" durchgestrichen", [{ type: "strike" }]),
      t(" "),
      t("Verweis", [{ type: "link", attrs: { href: "https://www.example.org/integration", target: null, rel: "noopener noreferrer nofollow", class: null } }]),
      { type: "hardBreak" },
      t(words(seed + 1, 30)),
    ),
    { type: "heading", attrs: { level: 4 }, content: [t(`Unterabschnitt ${seed}`)] },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [p(t(words(seed + 2, 10)))] },
        {
          type: "listItem",
          content: [
            p(t(words(seed + 3, 8))),
            { type: "orderedList", attrs: { start: 1, type: null }, content: [{ type: "listItem", content: [p(t(words(seed + 4, 6)))] }, { type: "listItem", content: [p(t(words(seed + 5, 6)))] }] },
          ],
        },
      ],
    },
    { type: "blockquote", content: [p(t(words(seed + 6, 25)))] },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Kennzahl"), cell("tableHeader", "2024"), cell("tableHeader", "2025")] },
        { type: "tableRow", content: [cell("tableCell", "Einwohnerinnen und Einwohner"), cell("tableCell", "120.400"), cell("tableCell", "121.950")] },
        { type: "tableRow", content: [cell("tableCell", "davon ohne deutsche Staatsangehörigkeit"), cell("tableCell", "17.320"), cell("tableCell", "18.004")] },
      ],
    },
    p(t(words(seed + 7, 90))),
    p(t(words(seed + 8, 90))),
  ];
}

function doc(blocks: JSONContent[]): JSONContent {
  return { type: "doc", content: blocks };
}

export type SampleOptions = {
  /** approximate A4 pages of running text (measures come on top) */
  pages?: number;
  measures?: number;
  status?: string;
  title?: string;
  /** put this text into every paragraph's first run (e.g. Typst syntax) */
  text?: string;
};

/** A complete concept in the backup format. */
export function sampleConcept(options: SampleOptions = {}): ConceptExport {
  const pages = options.pages ?? 10;
  const measureCount = options.measures ?? 12;
  const fields = STANDARD_FIELDS.map((f, i) => ({ key: f.key, title: f.title, custom: false, position: i }));
  fields.push({ key: "antidiskriminierung", title: "Antidiskriminierung", custom: true, position: fields.length });
  const parts = CHAPTERS.filter((c) => c.key !== "fields").length + fields.length * 2;
  // richSample fills about ¾ of a page.
  const blocksPerPart = Math.max(1, Math.round((pages / parts) * 1.35));
  let seed = 1;
  const text = () => doc(Array.from({ length: blocksPerPart }, () => richSample(seed++, options.text)).flat());

  const sections: ConceptExport["sections"] = [];
  for (const c of CHAPTERS) if (c.key !== "fields") for (const part of c.parts) sections.push({ chapter: c.key, part: part.key, fieldKey: null, content: text(), revision: 1 });
  for (const f of fields) for (const part of ["baseline", "goal"]) sections.push({ chapter: "fields", part, fieldKey: f.key, content: text(), revision: 1 });

  const subGoals = fields.flatMap((f, fi) => [0, 1].map((j) => ({ ref: `sg-${fi * 2 + j + 1}`, fieldKey: f.key, text: `Teilziel ${j + 1}: ${words(fi + j, 8)}`, position: j })));
  const sources = ["municipal", "state", "federal", "eu", "thirdParty"] as const;
  const measures: ExportedMeasure[] = Array.from({ length: measureCount }, (_, i) => {
    const field = fields[i % fields.length]!;
    return {
      fieldKey: field.key,
      position: Math.floor(i / fields.length),
      title: `Maßnahme ${i + 1}: ${options.text ?? words(i, 5)}`,
      code: "",
      description: doc([p(t(options.text ?? words(i + 50, 45)), t(" wichtig", [{ type: "bold" }]))]),
      subGoalRefs: [`sg-${(i % fields.length) * 2 + 1}`],
      targetGroups: ["Neuzugewanderte", "Familien"],
      taskType: i % 3 === 0 ? "mandatory" : "voluntary",
      leadOffice: `Amt für Integration und Vielfalt ${i + 1}`,
      partners: ["Volkshochschule", "Jobcenter"],
      status: (["planned", "running", "completed", "established"] as const)[i % 4]!,
      startDate: "2026-01-01",
      endDate: i % 2 ? "2028-12-31" : null,
      priority: (["high", "medium", "low"] as const)[i % 3]!,
      staffFte: 0.5 + (i % 4) * 0.25,
      materialCostCents: 1_250_000 + i * 10_000,
      staffCostPerFteCents: null,
      fundingLines: [
        { source: sources[i % 5]!, programme: `Förderprogramm ${i + 1}`, amountCents: 2_000_000 + i * 5_000, until: "2027-12-31" },
        { source: "municipal", programme: "Haushalt", amountCents: 500_000, until: null },
      ],
      indicators: [
        { name: `Teilnehmende (${i + 1})`, kind: "output", unit: "Personen", baseline: "120", target: "200", dataSource: "Teilnahmelisten", cadence: "jährlich" },
        { name: "Abschlussquote", kind: "outcome", unit: "%", baseline: "55", target: "70", dataSource: "Träger", cadence: "halbjährlich" },
      ],
    };
  });

  return {
    format: "konzeptwerk.concept",
    formatVersion: 1,
    exportedAt: "2026-11-25T10:00:00.000Z",
    concept: {
      title: options.title ?? "Integrationskonzept 2026–2030",
      templateVersion: 1,
      status: options.status ?? "draft",
      settings: { validFrom: "2026-01-01", validUntil: "2030-12-31", wholeSociety: true, orgModel: "staff_unit", leadOffice: "Stabsstelle Integration", updateCycleYears: 2, updateOffice: "Stabsstelle Integration" },
    },
    fields,
    sections,
    subGoals,
    measures,
  };
}
