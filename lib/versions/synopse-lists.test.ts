/**
 * List fields in the Synopse: partners and target groups one entry per line
 * in both columns (never one comma or semicolon string), read back from the
 * PDF with pdftotext.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderPdf } from "@/lib/pdf/render";
import { sampleConcept } from "@/lib/pdf/sample";
import { compareSnapshots } from "./diff/concept";
import { buildSynopse } from "./synopse";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-synopse-lists-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function synopse() {
  const from = sampleConcept({ pages: 1, measures: 2 });
  const to = sampleConcept({ pages: 1, measures: 2 });
  from.measures[0]!.partners = ["Volkshochschule", "Jobcenter"];
  to.measures[0]!.partners = ["Volkshochschule", "Haus- und Grundbesitzerverein, Ortsgruppe Nord"];
  // the second measure is new in `to`: its lists stand in the right column
  from.measures.pop();
  to.measures[1]!.targetGroups = ["Eltern, auch Alleinerziehende", "Geflüchtete"];
  const ids = (d: typeof from) => ({ measures: d.measures.map((_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`) });
  const comparison = compareSnapshots({ data: from, ids: ids(from) }, { data: to, ids: ids(to) });
  return buildSynopse({ conceptTitle: "Konzept", municipality: "Musterstadt", fromLabel: "Fassung 1", toLabel: "Entwurf", comparison, date: "25.11.2026" });
}

describe("list fields in the Synopse", () => {
  const model = synopse();

  it("gives a changed list one cell entry per line, the removed entry marked on the left, the added one on the right", () => {
    const row = model.rows.find((r) => r.kind === "pair" && r.label === "Partner");
    if (row?.kind !== "pair") throw new Error("Partner row expected");
    const show = (c: typeof row.before) => (c.kind === "list" ? c.items.map((i) => `${i.mark ?? "same"}: ${i.text.replace(/[\u2068\u2069]/g, "")}`) : c);
    expect(show(row.before)).toEqual(["same: Volkshochschule", "deletion: Jobcenter"]);
    expect(show(row.after)).toEqual(["same: Volkshochschule", "insertion: Haus- und Grundbesitzerverein, Ortsgruppe Nord"]);
  });

  it("prints each entry on a line of its own in the PDF, in its column", async () => {
    const result = await renderPdf({ template: "synopse", data: model });
    expect(result.standard).toBe("ua-1");
    const file = path.join(dir, "synopse.pdf");
    fs.writeFileSync(file, result.pdf);
    const lines = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
      .replace(/[\u2068\u2069]/g, "")
      .split("\n");
    const lineWith = (s: string) => lines.find((l) => l.includes(s)) ?? "";
    // changed measure: both columns list Volkshochschule on one line; Jobcenter (left) and the new partner (right) share the next
    expect(lineWith("Jobcenter")).toMatch(/•\s+Jobcenter\s+•\s+Haus- und Grundbesitzerverein, Ortsgruppe Nord/);
    // added measure: its target groups one per line in the right column, the comma inside an entry kept
    expect(lineWith("Eltern, auch Alleinerziehende")).toMatch(/^\s{20,}•\s+Eltern, auch Alleinerziehende\s*$/);
    expect(lineWith("• Geflüchtete")).toMatch(/^\s{20,}•\s+Geflüchtete\s*$/);
    expect(lines.join("\n")).not.toMatch(/Volkshochschule[;,] /);
  }, 120_000);
});
