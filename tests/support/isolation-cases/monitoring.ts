import { expect } from "vitest";
import {
  clearMeasureYearStatus,
  deleteIndicatorValue,
  readMonitoring,
  recordIndicatorValue,
  setMeasureYearStatus,
} from "@/lib/monitoring/service";
import { exportSachstandsbericht } from "@/lib/monitoring/sachstand-export";
import { deleteKeyFigure, readKeyFigures, recordKeyFigure } from "@/lib/key-figures/service";
import { CONTENT_WRITERS_ONLY, EVERYONE_READS, type Case } from "./case";

export const MONITORING_CASES: Case[] = [
  // lib/monitoring/service: editors and admins record, everyone reads
  {
    module: "lib/monitoring/service",
    fn: readMonitoring,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readMonitoring(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toMatchObject({ summary: { indicators: 1, withValues: 1 } }),
  },
  {
    module: "lib/monitoring/sachstand-export",
    fn: exportSachstandsbericht,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportSachstandsbericht(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toMatchObject({ pages: expect.any(Number) }),
  },
  {
    module: "lib/monitoring/service",
    fn: recordIndicatorValue,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) =>
      recordIndicatorValue(a, { conceptId: ids.conceptId, measureId: ids.measureId, indicatorId: ids.indicatorId, observedOn: "2026-01-31", value: "99", source: "Untergeschoben" }),
    expectOk: (r) => expect(r).toMatchObject({ valueId: expect.any(String) }),
  },
  {
    module: "lib/monitoring/service",
    fn: deleteIndicatorValue,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => deleteIndicatorValue(a, { conceptId: ids.conceptId, valueId: ids.indicatorValueId }),
  },
  {
    module: "lib/monitoring/service",
    fn: setMeasureYearStatus,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => setMeasureYearStatus(a, { conceptId: ids.conceptId, measureId: ids.measureId, year: 2025, status: "not_implemented", note: "Untergeschoben" }),
  },
  {
    module: "lib/monitoring/service",
    fn: clearMeasureYearStatus,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => clearMeasureYearStatus(a, { conceptId: ids.conceptId, measureId: ids.measureId, year: 2025 }),
  },
  // lib/key-figures/service: editors and admins record, everyone reads
  {
    module: "lib/key-figures/service",
    fn: readKeyFigures,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readKeyFigures(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toMatchObject([{ name: "Einwohner mit ausländischer Staatsangehörigkeit", latest: { year: 2024, value: 1250 } }]),
  },
  {
    module: "lib/key-figures/service",
    fn: recordKeyFigure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => recordKeyFigure(a, { conceptId: ids.conceptId, name: "Einwohner mit ausländischer Staatsangehörigkeit", value: "9.999", year: 2024, source: "Untergeschoben" }),
    expectOk: (r) => expect(r).toMatchObject({ keyFigureId: expect.any(String) }),
  },
  {
    module: "lib/key-figures/service",
    fn: deleteKeyFigure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => deleteKeyFigure(a, { conceptId: ids.conceptId, keyFigureId: ids.keyFigureId }),
  },
];
