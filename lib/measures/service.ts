import "server-only";
import type { JSONContent } from "@tiptap/core";
import { type Executor } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getField } from "@/db/queries/concepts";
import { conceptTransaction, touchConcept } from "@/lib/concepts/writable";
import {
  countMeasures,
  countSubGoals,
  deleteMeasure as deleteMeasureRow,
  deleteSubGoal as deleteSubGoalRow,
  getMeasure,
  getSubGoal,
  insertMeasure,
  insertSubGoal,
  listMeasures,
  listSubGoals,
  isCodeIndexViolation,
  lockField,
  measureWithCode,
  neighbourMeasure,
  neighbourSubGoal,
  normaliseMeasurePositions,
  normaliseSubGoalPositions,
  subGoalIdsInField,
  swapMeasurePositions,
  swapSubGoalPositions,
  updateMeasureIfRevision,
  updateSubGoalText,
  type MeasureContent,
} from "@/db/queries/measures";
import type { Concept, Indicator, Measure, MeasureOrigin, SubGoal } from "@/db/schema";
import type { Actor } from "@/lib/auth/session";
import { requireConcept } from "@/lib/concepts/access";
import { validateDoc } from "@/lib/editor/validate";
import { AppError } from "@/lib/errors";
import { describeZodError, fieldErrors, type z } from "@/lib/validation";
import {
  addSubGoalSchema,
  createMeasureSchema,
  deleteMeasureSchema,
  deleteSubGoalSchema,
  MAX_MEASURES,
  MAX_SUB_GOALS,
  moveMeasureSchema,
  moveSubGoalSchema,
  updateMeasureSchema,
  updateSubGoalSchema,
  type MeasureInput,
} from "./schema";
import { assignIndicatorIds } from "./indicator-ids";
import { toMeasureView, type MeasureView } from "./view";


/*
 * The domain functions of measures and sub-goals. Each one checks for itself:
 * the input (zod, again, so that callers other than the server actions are safe
 * too), the actor's role in the concept's municipality (requireConcept), and
 * that every id it touches belongs to that concept. Another concept's ids are a
 * 404, exactly like missing ones. A measure's code is unique within its concept,
 * ignoring case: checkCode refuses a taken one naming the other measure, and the
 * unique index catches two saves at once (withCodeIndex: the same field error).
 */

export type SubGoalView = { id: string; text: string };
export type FieldMeasures = { measures: MeasureView[]; subGoals: SubGoalView[] };

export type UpdateMeasureResult =
  | { status: "saved"; measure: MeasureView }
  | { status: "conflict"; current: MeasureView };

const MEASURE_NOT_FOUND = "Diese Maßnahme gibt es nicht oder nicht mehr.";
const FIELD_NOT_FOUND = "Dieses Handlungsfeld gibt es nicht.";
const SUB_GOAL_NOT_FOUND = "Dieses Teilziel gibt es nicht oder nicht mehr.";
const TOO_MANY_MEASURES = `Maßnahmen: Ein Konzept hat höchstens ${MAX_MEASURES.toLocaleString("de-DE")} Maßnahmen.`;
const TOO_MANY_SUB_GOALS = `Teilziele: Ein Konzept hat höchstens ${MAX_SUB_GOALS.toLocaleString("de-DE")} Teilziele.`;

/* ---------- reads ---------- */

/** Measures and sub-goals of one field of action, in their order. */
export async function listFieldMeasures(actor: Actor, input: { conceptId: string; fieldId: string }): Promise<FieldMeasures> {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.read");
  const field = await getField({ fieldId: input.fieldId, conceptId: concept.id });
  if (!field) throw new AppError("not_found", FIELD_NOT_FOUND);
  const [measureRows, goalRows] = await Promise.all([
    listMeasures({ conceptId: concept.id, fieldId: field.id }),
    listSubGoals({ conceptId: concept.id, fieldId: field.id }),
  ]);
  return { measures: measureRows.map(toMeasureView), subGoals: goalRows.map(toSubGoalView) };
}

/** Measures and sub-goals of every field of a concept, keyed by field id (fields without any are absent). */
export async function listConceptMeasures(actor: Actor, input: { conceptId: string }): Promise<Record<string, FieldMeasures>> {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.read");
  const [measureRows, goalRows] = await Promise.all([
    listMeasures({ conceptId: concept.id }),
    listSubGoals({ conceptId: concept.id }),
  ]);
  return groupByField(measureRows, goalRows);
}

/** Group rows (already ordered) by field; for pages that load the concept tree themselves. */
export function groupByField(measureRows: Measure[], goalRows: SubGoal[]): Record<string, FieldMeasures> {
  const out: Record<string, FieldMeasures> = {};
  const slot = (fieldId: string) => (out[fieldId] ??= { measures: [], subGoals: [] });
  for (const m of measureRows) slot(m.fieldId).measures.push(toMeasureView(m));
  for (const g of goalRows) slot(g.fieldId).subGoals.push(toSubGoalView(g));
  return out;
}

/* ---------- measures ---------- */

/**
 * What only server code adds to a new measure, never the form: where it came
 * from, and the audit action it is recorded as (default "measure.create").
 */
export type CreateMeasureExtra = {
  origin?: MeasureOrigin;
  audit?: { action: string; details?: Record<string, string | number | null> };
};

export async function createMeasure(
  actor: Actor,
  input: z.input<typeof createMeasureSchema>,
  extra: CreateMeasureExtra = {},
): Promise<{ measure: MeasureView }> {
  const data = parse(createMeasureSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const field = await getField({ fieldId: data.fieldId, conceptId: concept.id });
  if (!field) throw new AppError("not_found", FIELD_NOT_FOUND);
  const description = checkDescription(data.description);

  return withCodeIndex(data.code, () =>
    conceptTransaction(concept.id, async (tx) => {
      await lockField({ fieldId: field.id }, tx);
      const subGoalIds = await checkSubGoals({ concept, fieldId: field.id, ids: data.subGoalIds }, tx);
      await checkCode({ conceptId: concept.id, code: data.code }, tx);
      const row = await insertMeasure(
        {
          conceptId: concept.id,
          municipalityId: concept.municipalityId,
          fieldId: field.id,
          userId: actor.id,
          content: toContent(data, description, subGoalIds, assignIndicatorIds(data.indicators)),
          origin: extra.origin,
        },
        tx,
      );
      await recordAudit(tx, {
        municipalityId: concept.municipalityId,
        actorId: actor.id,
        action: extra.audit?.action ?? "measure.create",
        conceptId: concept.id,
        objectId: row.id,
        details: { ...extra.audit?.details, measure: data.title, field: field.key, fieldTitle: field.title },
      });
      await touchConcept({ conceptId: concept.id }, tx);
      // Counted under the concept's row lock that touchConcept took, so two adds at once cannot both pass.
      if ((await countMeasures({ conceptId: concept.id }, tx)) > MAX_MEASURES) throw new AppError("bad_request", TOO_MANY_MEASURES);
      return { measure: toMeasureView(row) };
    }),
  );
}

/**
 * Save a measure's content if nobody saved it since `baseRevision`; otherwise
 * nothing is written and the current state comes back as a conflict.
 */
export async function updateMeasure(actor: Actor, input: z.input<typeof updateMeasureSchema>): Promise<UpdateMeasureResult> {
  const data = parse(updateMeasureSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const existing = await getMeasure({ measureId: data.measureId });
  if (!existing || existing.conceptId !== concept.id) throw new AppError("not_found", MEASURE_NOT_FOUND);
  const description = checkDescription(data.description);

  return withCodeIndex(data.code, () =>
    conceptTransaction(concept.id, async (tx): Promise<UpdateMeasureResult> => {
      await lockField({ fieldId: existing.fieldId }, tx);
      const subGoalIds = await checkSubGoals({ concept, fieldId: existing.fieldId, ids: data.subGoalIds }, tx);
      await checkCode({ conceptId: concept.id, code: data.code, exceptId: existing.id }, tx);
      const written = await updateMeasureIfRevision(
        { measureId: existing.id, baseRevision: data.baseRevision, userId: actor.id, content: toContent(data, description, subGoalIds, assignIndicatorIds(data.indicators, existing.indicators)) },
        tx,
      );
      if (!written) {
        const current = await getMeasure({ measureId: existing.id }, tx);
        if (!current) throw new AppError("not_found", MEASURE_NOT_FOUND);
        return { status: "conflict", current: toMeasureView(current) };
      }
      await touchConcept({ conceptId: concept.id }, tx);
      await audit(tx, actor, concept, "measure.update", written.id, { measure: written.title });
      return { status: "saved", measure: toMeasureView(written) };
    }),
  );
}

export async function deleteMeasure(actor: Actor, input: z.input<typeof deleteMeasureSchema>): Promise<{ deletedId: string }> {
  const data = parse(deleteMeasureSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const existing = await getMeasure({ measureId: data.measureId });
  if (!existing || existing.conceptId !== concept.id) throw new AppError("not_found", MEASURE_NOT_FOUND);

  await conceptTransaction(concept.id, async (tx) => {
    await deleteMeasureRow({ measureId: existing.id }, tx);
    await touchConcept({ conceptId: concept.id }, tx);
    await audit(tx, actor, concept, "measure.delete", existing.id, { measure: existing.title });
  });
  return { deletedId: existing.id };
}

/** Move a measure one place up or down within its field; `moved` is false at the edge. */
export async function moveMeasure(actor: Actor, input: z.input<typeof moveMeasureSchema>): Promise<{ moved: boolean }> {
  const data = parse(moveMeasureSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const existing = await getMeasure({ measureId: data.measureId });
  if (!existing || existing.conceptId !== concept.id) throw new AppError("not_found", MEASURE_NOT_FOUND);

  return conceptTransaction(concept.id, async (tx) => {
    await lockField({ fieldId: existing.fieldId }, tx);
    // Gaps and ties (deletes, old data) would make a swap a no-op: renumber first.
    await normaliseMeasurePositions({ fieldId: existing.fieldId }, tx);
    const self = await getMeasure({ measureId: existing.id }, tx);
    if (!self) throw new AppError("not_found", MEASURE_NOT_FOUND);
    const other = await neighbourMeasure({ fieldId: self.fieldId, position: self.position, direction: data.direction }, tx);
    if (!other) return { moved: false };
    await swapMeasurePositions({ a: { id: self.id, position: self.position }, b: other }, tx);
    await touchConcept({ conceptId: concept.id }, tx);
    await audit(tx, actor, concept, "measure.move", self.id, { measure: self.title, direction: data.direction });
    return { moved: true };
  });
}

/* ---------- sub-goals ---------- */

export async function addSubGoal(actor: Actor, input: z.input<typeof addSubGoalSchema>): Promise<{ subGoal: SubGoalView }> {
  const data = parse(addSubGoalSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const field = await getField({ fieldId: data.fieldId, conceptId: concept.id });
  if (!field) throw new AppError("not_found", FIELD_NOT_FOUND);

  return conceptTransaction(concept.id, async (tx) => {
    await lockField({ fieldId: field.id }, tx);
    const row = await insertSubGoal(
      { conceptId: concept.id, municipalityId: concept.municipalityId, fieldId: field.id, text: data.text },
      tx,
    );
    await touchConcept({ conceptId: concept.id }, tx);
    await audit(tx, actor, concept, "subgoal.create", row.id, { field: field.key, fieldTitle: field.title });
    if ((await countSubGoals({ conceptId: concept.id }, tx)) > MAX_SUB_GOALS) throw new AppError("bad_request", TOO_MANY_SUB_GOALS);
    return { subGoal: toSubGoalView(row) };
  });
}

export async function updateSubGoal(actor: Actor, input: z.input<typeof updateSubGoalSchema>): Promise<{ subGoal: SubGoalView }> {
  const data = parse(updateSubGoalSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const existing = await getSubGoal({ subGoalId: data.subGoalId });
  if (!existing || existing.conceptId !== concept.id) throw new AppError("not_found", SUB_GOAL_NOT_FOUND);

  return conceptTransaction(concept.id, async (tx) => {
    const row = await updateSubGoalText({ subGoalId: existing.id, text: data.text }, tx);
    if (!row) throw new AppError("not_found", SUB_GOAL_NOT_FOUND);
    await touchConcept({ conceptId: concept.id }, tx);
    await audit(tx, actor, concept, "subgoal.update", row.id, await fieldDetails(concept, existing.fieldId, tx));
    return { subGoal: toSubGoalView(row) };
  });
}

/** Delete a sub-goal and remove it from the measures that were linked to it. */
export async function deleteSubGoal(actor: Actor, input: z.input<typeof deleteSubGoalSchema>): Promise<{ deletedId: string }> {
  const data = parse(deleteSubGoalSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const existing = await getSubGoal({ subGoalId: data.subGoalId });
  if (!existing || existing.conceptId !== concept.id) throw new AppError("not_found", SUB_GOAL_NOT_FOUND);

  await conceptTransaction(concept.id, async (tx) => {
    await lockField({ fieldId: existing.fieldId }, tx);
    await deleteSubGoalRow({ subGoalId: existing.id, conceptId: concept.id }, tx);
    await touchConcept({ conceptId: concept.id }, tx);
    await audit(tx, actor, concept, "subgoal.delete", existing.id, await fieldDetails(concept, existing.fieldId, tx));
  });
  return { deletedId: existing.id };
}

/** Move a sub-goal one place up or down within its field; `moved` is false at the edge. */
export async function moveSubGoal(actor: Actor, input: z.input<typeof moveSubGoalSchema>): Promise<{ moved: boolean }> {
  const data = parse(moveSubGoalSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const existing = await getSubGoal({ subGoalId: data.subGoalId });
  if (!existing || existing.conceptId !== concept.id) throw new AppError("not_found", SUB_GOAL_NOT_FOUND);

  return conceptTransaction(concept.id, async (tx) => {
    await lockField({ fieldId: existing.fieldId }, tx);
    await normaliseSubGoalPositions({ fieldId: existing.fieldId }, tx);
    const self = await getSubGoal({ subGoalId: existing.id }, tx);
    if (!self) throw new AppError("not_found", SUB_GOAL_NOT_FOUND);
    const other = await neighbourSubGoal({ fieldId: self.fieldId, position: self.position, direction: data.direction }, tx);
    if (!other) return { moved: false };
    await swapSubGoalPositions({ a: { id: self.id, position: self.position }, b: other }, tx);
    await touchConcept({ conceptId: concept.id }, tx);
    await audit(tx, actor, concept, "subgoal.move", self.id, await fieldDetails(concept, self.fieldId, tx));
    return { moved: true };
  });
}

/* ---------- helpers ---------- */

/** The audit entry of a change, in the change's transaction. Sub-goals are named by their field, not their text. */
function audit(tx: Executor, actor: Actor, concept: Concept, action: string, objectId: string, details: Record<string, string | number | null>) {
  return recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action, conceptId: concept.id, objectId, details });
}

async function fieldDetails(concept: Concept, fieldId: string, tx: Executor): Promise<Record<string, string>> {
  const field = await getField({ fieldId, conceptId: concept.id }, tx);
  return field ? { field: field.key, fieldTitle: field.title } : {};
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", describeZodError(result.error), fieldErrors(result.error));
  return result.data;
}

function checkDescription(doc: JSONContent): JSONContent {
  const validation = validateDoc(doc);
  if (!validation.ok) {
    throw new AppError(validation.error.includes("zu lang") ? "too_large" : "bad_request", `Beschreibung: ${validation.error}`, {
      fieldErrors: { description: validation.error },
    });
  }
  return validation.doc;
}

/** The chosen sub-goals, without repeats, after checking that each is one of this field's. */
async function checkSubGoals({ concept, fieldId, ids }: { concept: Concept; fieldId: string; ids: string[] }, tx: Executor) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = new Set(await subGoalIdsInField({ conceptId: concept.id, fieldId, ids: unique }, tx));
  if (unique.some((id) => !found.has(id))) {
    throw new AppError("bad_request", "Mindestens ein gewähltes Teilziel gehört nicht (mehr) zu diesem Handlungsfeld.");
  }
  return unique;
}

function codeTaken(code: string, other?: { title: string }): AppError {
  const message = `Das Kürzel „${code}“ ist in diesem Konzept schon vergeben${other ? ` (Maßnahme „${other.title}“)` : ""}.`;
  return new AppError("bad_request", message, { fieldErrors: { code: message } });
}

/** Refuse a code that another measure of the concept already has (ignoring case); "" is no code. */
async function checkCode({ conceptId, code, exceptId }: { conceptId: string; code: string; exceptId?: string }, tx: Executor) {
  if (code === "") return;
  const other = await measureWithCode({ conceptId, code, exceptId }, tx);
  if (other) throw codeTaken(code, other);
}

/**
 * The unique index is the last line of defence (two saves in different fields
 * at once pass checkCode both): its violation becomes the same field error.
 */
async function withCodeIndex<T>(code: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isCodeIndexViolation(error)) throw codeTaken(code);
    throw error;
  }
}

function toContent(data: MeasureInput, description: JSONContent, subGoalIds: string[], indicators: Indicator[]): MeasureContent {
  return {
    title: data.title,
    code: data.code,
    description,
    subGoalIds,
    targetGroups: data.targetGroups,
    taskType: data.taskType,
    leadOffice: data.leadOffice,
    partners: data.partners,
    status: data.status,
    startDate: data.startDate,
    endDate: data.endDate,
    priority: data.priority,
    staffFte: data.staffFte === null ? null : data.staffFte.toFixed(2),
    materialCostCents: data.materialCostCents,
    staffCostPerFteCents: data.staffCostPerFteCents,
    fundingLines: data.fundingLines,
    indicators,
  };
}

function toSubGoalView(row: SubGoal): SubGoalView {
  return { id: row.id, text: row.text };
}
