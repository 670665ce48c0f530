import "server-only";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getConceptTree } from "@/db/queries/concepts";
import {
  countIndicatorValues,
  deleteIndicatorValue as deleteValueRow,
  deleteYearStatus,
  getIndicatorValue,
  insertIndicatorValue,
  listIndicatorValues,
  listYearStatuses,
  lockMeasureOfConcept,
  upsertYearStatus,
} from "@/db/queries/monitoring";
import type { Concept } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { berlinToday } from "@/lib/check/context";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { describeZodError, fieldErrors, type z } from "@/lib/validation";
import { readIndicatorNumber } from "./number";
import { isNumericIndicator } from "./progress";
import { buildMonitoring, type MonitoringReport } from "./report";
import { clearYearStatusSchema, deleteValueSchema, MAX_VALUES_PER_INDICATOR, recordValueSchema, setYearStatusSchema } from "./schema";

/*
 * The monitoring's writes and reads. Editors and admins of the concept's
 * municipality record Ist-Werte and yearly statuses, also after the concept
 * was adopted (that is when monitoring happens; its content stays as decided),
 * not in an archived one. Reviewers and viewers read. Every check happens here:
 * input (zod), role and municipality (requireConcept), and that the measure and
 * the indicator belong to the concept (another concept's ids are a 404). A
 * refused write changes nothing; every write is audited in its transaction.
 */

const MEASURE_NOT_FOUND = "Diese Maßnahme gibt es nicht oder nicht mehr.";
const INDICATOR_NOT_FOUND = "Diesen Indikator gibt es bei dieser Maßnahme nicht (mehr). Bitte laden Sie die Seite neu.";

type Tree = Awaited<ReturnType<typeof getConceptTree>>;

/** Internal: the monitoring of a concept its caller already loaded through requireConcept. */
export async function monitoringOfConcept(concept: Concept, loaded: { tree?: Tree; now?: Date; fieldKey?: string } = {}): Promise<MonitoringReport> {
  const [tree, values, yearStatuses] = await Promise.all([
    loaded.tree ?? getConceptTree({ conceptId: concept.id }),
    listIndicatorValues({ conceptId: concept.id }),
    listYearStatuses({ conceptId: concept.id }),
  ]);
  return buildMonitoring(
    { templateVersion: concept.templateVersion, settings: concept.settings, fields: tree.fields, measures: tree.measures, values, yearStatuses, today: berlinToday(loaded.now) },
    loaded.fieldKey,
  );
}

/** The monitoring of a concept, or of one field of action (everyone who may read the concept). */
export async function readMonitoring(actor: Actor, input: { conceptId: string; fieldKey?: string }): Promise<MonitoringReport> {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.read");
  const report = await monitoringOfConcept(concept, { fieldKey: input.fieldKey });
  if (input.fieldKey !== undefined && report.fields.length === 0) throw new AppError("not_found", "Dieses Handlungsfeld gibt es nicht.");
  return report;
}

/**
 * Record an Ist-Wert of an indicator. A value reads as a number where it is one
 * ("1.250", "12,5", "45 %"); an indicator with numeric baseline and target takes
 * only numbers, any other also a text ("gestiegen"). Not in the future.
 */
export async function recordIndicatorValue(actor: Actor, input: z.input<typeof recordValueSchema>): Promise<{ valueId: string }> {
  const data = parse(recordValueSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "monitoring.record");
  if (data.observedOn > berlinToday()) throw fieldError("observedOn", "Stichtag: Der Tag liegt in der Zukunft; erfasst werden gemessene Werte.");
  if (data.observedOn < "2000-01-01") throw fieldError("observedOn", "Stichtag: frühestens 01.01.2000.");

  const db = await getDb();
  return db.transaction(async (tx) => {
    const measure = await lockMeasureOfConcept({ measureId: data.measureId, conceptId: concept.id }, tx);
    if (!measure) throw new AppError("not_found", MEASURE_NOT_FOUND);
    const indicator = measure.indicators.find((x) => x.id === data.indicatorId);
    if (!indicator) throw new AppError("not_found", INDICATOR_NOT_FOUND);
    const number = readIndicatorNumber(data.value);
    if (number === null && isNumericIndicator(indicator)) {
      throw fieldError("value", "Wert: bitte eine Zahl angeben (z. B. 1.250 oder 12,5) – Basis- und Zielwert dieses Indikators sind Zahlen.");
    }
    if (number !== null && Math.abs(number) >= 1e18) throw fieldError("value", "Wert: Die Zahl ist zu groß.");
    if ((await countIndicatorValues({ measureId: measure.id, indicatorId: indicator.id }, tx)) >= MAX_VALUES_PER_INDICATOR) {
      throw new AppError("bad_request", `Ein Indikator hat höchstens ${MAX_VALUES_PER_INDICATOR} Ist-Werte. Bitte löschen Sie nicht mehr benötigte.`);
    }
    const row = await insertIndicatorValue(
      {
        conceptId: concept.id,
        municipalityId: concept.municipalityId,
        measureId: measure.id,
        indicatorId: indicator.id,
        observedOn: data.observedOn,
        valueNumber: number === null ? null : String(number),
        valueText: number === null ? data.value : "",
        source: data.source,
        note: data.note,
        userId: actor.id,
      },
      tx,
    );
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: "monitoring.value_add",
      conceptId: concept.id,
      objectId: row.id,
      details: { measure: measure.title, indicator: indicator.name, observedOn: data.observedOn },
    });
    return { valueId: row.id };
  });
}

/** Delete an Ist-Wert (editors and admins). */
export async function deleteIndicatorValue(actor: Actor, input: z.input<typeof deleteValueSchema>): Promise<void> {
  const data = parse(deleteValueSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "monitoring.record");
  const existing = await getIndicatorValue({ valueId: data.valueId });
  if (!existing || existing.conceptId !== concept.id) throw new AppError("not_found", "Diesen Ist-Wert gibt es nicht (mehr).");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const measure = await lockMeasureOfConcept({ measureId: existing.measureId, conceptId: concept.id }, tx);
    if (!(await deleteValueRow({ valueId: existing.id, conceptId: concept.id }, tx))) throw new AppError("not_found", "Diesen Ist-Wert gibt es nicht (mehr).");
    const indicator = measure?.indicators.find((x) => x.id === existing.indicatorId);
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: "monitoring.value_delete",
      conceptId: concept.id,
      objectId: existing.id,
      details: { measure: measure?.title ?? null, indicator: indicator?.name ?? null, observedOn: existing.observedOn },
    });
  });
}

/** Set a measure's implementation status of a year, with a short note (a second one replaces it). */
export async function setMeasureYearStatus(actor: Actor, input: z.input<typeof setYearStatusSchema>): Promise<void> {
  const data = parse(setYearStatusSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "monitoring.record");
  const thisYear = Number(berlinToday().slice(0, 4));
  if (data.year > thisYear) throw fieldError("year", `Jahr: ${data.year} hat noch nicht begonnen.`);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const measure = await lockMeasureOfConcept({ measureId: data.measureId, conceptId: concept.id }, tx);
    if (!measure) throw new AppError("not_found", MEASURE_NOT_FOUND);
    await upsertYearStatus(
      { conceptId: concept.id, municipalityId: concept.municipalityId, measureId: measure.id, year: data.year, status: data.status, note: data.note, userId: actor.id },
      tx,
    );
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: "monitoring.year_status",
      conceptId: concept.id,
      objectId: measure.id,
      details: { measure: measure.title, year: data.year, status: data.status },
    });
  });
}

/** Remove a measure's status of a year. */
export async function clearMeasureYearStatus(actor: Actor, input: z.input<typeof clearYearStatusSchema>): Promise<void> {
  const data = parse(clearYearStatusSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "monitoring.record");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const measure = await lockMeasureOfConcept({ measureId: data.measureId, conceptId: concept.id }, tx);
    if (!measure) throw new AppError("not_found", MEASURE_NOT_FOUND);
    if (!(await deleteYearStatus({ measureId: measure.id, year: data.year }, tx))) {
      throw new AppError("not_found", `Für ${data.year} ist kein Umsetzungsstand eingetragen.`);
    }
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: "monitoring.year_status_clear",
      conceptId: concept.id,
      objectId: measure.id,
      details: { measure: measure.title, year: data.year },
    });
  });
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", describeZodError(result.error), { fieldErrors: fieldErrors(result.error) });
  return result.data;
}

function fieldError(field: string, message: string) {
  return new AppError("bad_request", message, { fieldErrors: { [field]: message } });
}
