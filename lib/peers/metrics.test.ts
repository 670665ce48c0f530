import { describe, expect, it } from "vitest";
import type { ConceptExport } from "@/lib/concepts/exchange";
import { doc, p } from "@/lib/editor/build";
import { EMPTY_DOC } from "@/lib/editor/document";
import { contributorLabel, groupLabel } from "./groups";
import { conceptMetrics } from "./metrics";
import { SURVEY_FIELD_SHARES, syntheticPeers } from "./synthetic";

const measure = (fieldKey: string, over: Partial<ConceptExport["measures"][number]> = {}): ConceptExport["measures"][number] => ({
  fieldKey,
  position: 0,
  code: "",
  title: "Sprachcafé in Musterstadt",
  description: doc(p("Frau Keller leitet es.")),
  subGoalRefs: [],
  targetGroups: [],
  taskType: "voluntary",
  leadOffice: "",
  partners: [],
  status: "planned",
  startDate: null,
  endDate: null,
  priority: "medium",
  staffFte: null,
  materialCostCents: null,
  staffCostPerFteCents: null,
  fundingLines: [],
  indicators: [],
  ...over,
});

const exp = (over: Partial<ConceptExport> = {}, settings: Record<string, unknown> = {}): ConceptExport => ({
  format: "konzeptwerk.concept",
  formatVersion: 1,
  exportedAt: "2026-01-01T00:00:00.000Z",
  concept: { title: "Integrationskonzept Musterstadt", templateVersion: 1, status: "adopted", settings },
  fields: ["language", "work", "education", "housing", "participation", "health"].map((key, position) => ({ key, title: key, custom: false, position })),
  sections: [],
  subGoals: [],
  measures: [],
  ...over,
});

describe("conceptMetrics", () => {
  it("counts covered fields, measures per field and the shares of measures", () => {
    const m = conceptMetrics(
      exp(
        {
          sections: [{ chapter: "fields", part: "goal", fieldKey: "housing", content: doc(p("Gutes Wohnen für alle.")), revision: 1 }, { chapter: "fields", part: "goal", fieldKey: "health", content: EMPTY_DOC, revision: 0 }],
          subGoals: [{ ref: "sg-1", fieldKey: "education", text: "Kita-Plätze", position: 0 }],
          measures: [
            measure("language", { leadOffice: "Integrationsbüro", indicators: [{ name: "Teilnehmende", kind: "output", unit: "Personen", baseline: "0", target: "40", dataSource: "", cadence: "" }] }),
            measure("language", { taskType: "mandatory", materialCostCents: 500_00 }),
            measure("work", { fundingLines: [{ source: "federal", programme: "ESF", amountCents: 1_000_00, until: null }, { source: "municipal", programme: "", amountCents: 300_00, until: null }] }),
            measure("work", { fundingLines: [{ source: "federal", programme: "ESF", amountCents: 1_000_00, until: null }] }),
          ],
        },
        { orgModel: "integration_centre", wholeSociety: true, updateCycleYears: 5, validFrom: "2019-03-01" },
      ),
    );
    expect(m.fields.language).toEqual({ covered: true, measures: 2 });
    expect(m.fields.work).toEqual({ covered: true, measures: 2 });
    expect(m.fields.education).toEqual({ covered: true, measures: 0 }); // a sub-goal
    expect(m.fields.housing).toEqual({ covered: true, measures: 0 }); // a written goal
    expect(m.fields.health).toEqual({ covered: false, measures: 0 }); // an empty goal is not coverage
    expect(m.fields.participation).toEqual({ covered: false, measures: 0 });
    expect(m.measures).toBe(4);
    expect(m.shares).toEqual({ leadOffice: 0.25, indicator: 0.25, budget: 0.75, voluntary: 0.75 });
    expect(m.fundingCents).toEqual({ municipal: 300_00, state: 0, federal: 2_000_00, eu: 0, thirdParty: 0 });
    expect(m).toMatchObject({ orgModel: "integration_centre", wholeSociety: true, updateCycleYears: 5, startYear: 2019 });
  });

  it("carries no text: no title, description, office or name of the concept", () => {
    const m = conceptMetrics(exp({ measures: [measure("language", { leadOffice: "Amt 50 Musterstadt" })] }, { leadOffice: "Herr Brandt" }));
    expect(JSON.stringify(m)).not.toMatch(/Musterstadt|Sprachcafé|Keller|Brandt|Amt 50/);
  });

  it("takes the adoption year when no validity start is given, and null shares without measures", () => {
    const m = conceptMetrics(exp(), new Date("2021-05-04T00:00:00Z"));
    expect(m.startYear).toBe(2021);
    expect(m.shares.leadOffice).toBeNull();
    expect(conceptMetrics(exp()).startYear).toBeNull();
  });
});

describe("group wording", () => {
  it("names groups in words", () => {
    expect(groupLabel({ level: "county", from: 1, to: 1 })).toBe("Landkreise mit 150.000–250.000 Einwohnern");
    expect(groupLabel({ level: "city", from: 0, to: 0 })).toBe("Kreisfreie Städte mit weniger als 100.000 Einwohnern");
    expect(groupLabel({ level: "city", from: 2, to: 3 })).toBe("Kreisfreie Städte mit 250.000 und mehr Einwohnern");
    expect(groupLabel({ level: "town", from: 0, to: 3 })).toBe("Kreisangehörige Gemeinden aller Größen");
    expect(contributorLabel({ level: "city", from: 1, to: 2 })).toBe("eine kreisfreie Stadt, 100.000–500.000 Einwohner");
  });
});

describe("synthetic demo peers", () => {
  const peers = syntheticPeers();

  it("are several hundred, deterministic, and without names", () => {
    expect(peers.length).toBeGreaterThan(250);
    expect(peers.length).toBeLessThan(600);
    expect(syntheticPeers()).toEqual(peers);
    expect(Object.keys(peers[0]!).sort()).toEqual(["id", "level", "metrics", "population"]);
  });

  it("follow the survey (Schammann et al. 2020) within sampling error", () => {
    for (const [key, share] of Object.entries(SURVEY_FIELD_SHARES)) {
      const observed = peers.filter((p) => p.metrics.fields[key]!.covered).length / peers.length;
      expect(Math.abs(observed - share), key).toBeLessThan(0.07);
    }
    const whole = peers.filter((p) => p.metrics.wholeSociety === true).length / peers.length;
    expect(Math.abs(whole - 1 / 3)).toBeLessThan(0.07);
    const after2015 = peers.filter((p) => (p.metrics.startYear ?? 0) > 2015).length / peers.length;
    expect(Math.abs(after2015 - 0.48)).toBeLessThan(0.07);
  });

  it("follow the real distribution of the Kreise: mostly kreisfreie Städte and Landkreise", () => {
    const cities = peers.filter((p) => p.level === "city").length;
    const counties = peers.filter((p) => p.level === "county").length;
    expect(cities).toBeGreaterThan(40);
    expect(counties).toBeGreaterThan(100);
    expect(cities + counties).toBeGreaterThan(peers.length / 2);
  });
});
