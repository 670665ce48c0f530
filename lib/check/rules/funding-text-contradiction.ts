import type { JSONContent } from "@tiptap/core";
import { plainText } from "@/lib/editor/document";
import { formatFteHundredths } from "@/lib/funding/fte";
import { FUNDING_SOURCE_LABELS, formatEuro } from "@/lib/measures/labels";
import { places } from "../places";
import type { CheckContext, Rule } from "../types";

/** "3.494.000 €", "3.494.000,50 EUR", "814000" → cents; null when the cell is no plain amount. */
export function parseMoney(text: string): number | null {
  const t = text.replace(/\u00a0/g, " ").replace(/(€|EUR|Euro)/gi, "").trim();
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]!.replace(/\./g, "")) * 100 + Number(((m[2] ?? "") + "00").slice(0, 2));
}

/** "33,5" → 3350 hundredths of a VZÄ. */
export function parseFte(text: string): number | null {
  const m = /^(\d+)(?:,(\d{1,2}))?$/.exec(text.replace(/VZÄ/i, "").trim());
  return m ? Number(m[1]) * 100 + Number(((m[2] ?? "") + "00").slice(0, 2)) : null;
}

/** `also`: a second reading of the same header that is not a contradiction either (the funding columns below). */
type Column = { label: string; kind: "money" | "fte"; pick: (ctx: CheckContext) => number; also?: (ctx: CheckContext) => number; bySource: boolean };

const externalFunding = (c: CheckContext) => c.funding.plan.externalFundingCents;
const everySource = (c: CheckContext) => c.funding.plan.fundingCents;

/**
 * Which computed figure a column header names (first match wins; own share before funding). `bySourceTable`: the
 * table has a row per source, so its funding column sums every source.
 */
function columnFor(header: string, bySourceTable: boolean): Column | null {
  const h = header.toLowerCase();
  const col = (kind: Column["kind"], pick: Column["pick"], bySource = false): Column => ({ label: header.trim(), kind, pick, bySource });
  if (/vz[äa]|vollzeit|stellen/.test(h)) return col("fte", (c) => c.funding.plan.staffFteHundredths);
  if (/eigenanteil|kommunaler anteil/.test(h)) return col("money", (c) => c.funding.plan.ownShareCents);
  if (/sachkosten/.test(h)) return col("money", (c) => c.funding.plan.materialCostCents);
  if (/personalkosten/.test(h)) return col("money", (c) => c.funding.plan.staffCostCents);
  if (/gesamtkosten|kosten insgesamt|kosten gesamt/.test(h)) return col("money", (c) => c.funding.plan.totalCostCents);
  // A count ("Förderlinien", the app's own table by source; "Anzahl …") is no amount.
  if (/förderlinien|anzahl/.test(h)) return null;
  // "Förderung" in the app's tables by field is what Land, Bund, EU and third parties pay; the sum of its table by
  // source counts every source, the municipality's own budget lines too. Which one a town's own table means is
  // not always clear outside a table by source, so there either is no contradiction (the likelier one is named).
  if (!/förder|finanzierung|betrag|mittel/.test(h)) return null;
  if (bySourceTable) return col("money", everySource, true);
  return /förder/.test(h) ? { ...col("money", externalFunding, true), also: everySource } : { ...col("money", everySource, true), also: externalFunding };
}

const cellsOf = (row: JSONContent) => (row.content ?? []).map((c) => plainText(c).trim());

function tables(node: JSONContent | undefined, out: JSONContent[] = []): JSONContent[] {
  if (!node) return out;
  if (node.type === "table") out.push(node);
  for (const c of node.content ?? []) tables(c, out);
  return out;
}

const SOURCE_BY_LABEL = new Map(Object.entries(FUNDING_SOURCE_LABELS).map(([k, v]) => [v.toLowerCase(), k as keyof typeof FUNDING_SOURCE_LABELS]));

export const fundingTextContradiction: Rule = {
  id: "finanzierungstext-widerspricht",
  severity: "error",
  description:
    "Eine Tabelle im Text von Kapitel Finanzierung nennt eine Summe (Förderung, Sach-, Personal-, Gesamtkosten, Eigenanteil, VZÄ) oder einen Betrag je Förderquelle, der nicht zur berechneten Übersicht passt.",
  run: (ctx) => {
    const texts = ctx.sections.filter((s) => s.chapter === "funding" && !s.fieldId);
    const findings: ReturnType<Rule["run"]> = [];
    texts.forEach((s) =>
      tables(s.content).forEach((table, ti) => {
        const rows = table.content ?? [];
        const header = rows[0] ? cellsOf(rows[0]) : [];
        const bySourceTable = rows.slice(1).some((row) => SOURCE_BY_LABEL.has((cellsOf(row)[0] ?? "").toLowerCase()));
        const columns = header.map((h) => columnFor(h, bySourceTable));
        for (const row of rows.slice(1)) {
          const cells = cellsOf(row);
          const label = cells[0] ?? "";
          const total = /summe|gesamt|insgesamt/i.test(label);
          const source = SOURCE_BY_LABEL.get(label.toLowerCase());
          if (!total && !source) continue;
          cells.forEach((cell, ci) => {
            const col = columns[ci];
            if (ci === 0 || !col || (source && !col.bySource)) return;
            const typed = col.kind === "fte" ? parseFte(cell) : parseMoney(cell);
            if (typed === null) return;
            const computed = source ? (ctx.funding.bySource.find((b) => b.source === source)?.centsPerYear ?? 0) : col.pick(ctx);
            const differs = (value: number) => (col.kind === "fte" ? typed !== value : Math.abs(typed - value) >= 100);
            if (!differs(computed) || (!source && col.also && !differs(col.also(ctx)))) return;
            const show = (v: number) => (col.kind === "fte" ? `${formatFteHundredths(v)} VZÄ` : formatEuro(v));
            findings.push({
              key: `finanzierungstext-widerspricht:${ti}:${label}:${col.label}`,
              message: `Tabelle im Text: „${label}“ / „${col.label}“ nennt ${show(typed)}, aus den Maßnahmen berechnet sind ${show(computed)} pro Jahr.`,
              place: places.chapter(ctx, "funding"),
            });
          });
        }
      }),
    );
    return findings;
  },
};
