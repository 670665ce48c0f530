"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { guardedAction } from "@/lib/actions";
import {
  addSubGoalSchema,
  createMeasureSchema,
  deleteMeasureSchema,
  deleteSubGoalSchema,
  moveMeasureSchema,
  moveSubGoalSchema,
  updateMeasureSchema,
  updateSubGoalSchema,
} from "@/lib/measures/schema";
import {
  addSubGoal,
  createMeasure,
  deleteMeasure,
  deleteSubGoal,
  moveMeasure,
  moveSubGoal,
  updateMeasure,
  updateSubGoal,
} from "@/lib/measures/service";

/*
 * Server actions of measures and sub-goals. Each is a public endpoint: the input
 * is `unknown` and parsed here, the session is loaded by guardedAction, and the
 * service checks role, municipality and that every id belongs to the concept.
 */

/** The concept page shows measures and sub-goals (and the funding overview): refresh it after a write. */
function refresh(conceptId: string) {
  revalidatePath(`/concepts/${conceptId}`);
}

export async function createMeasureAction(input: unknown) {
  const t = await getTranslations("measures");
  return guardedAction(
    createMeasureSchema,
    input,
    async (actor, data) => {
      const result = await createMeasure(actor, data);
      refresh(data.conceptId);
      return result;
    },
    t("saved"),
  );
}

export async function updateMeasureAction(input: unknown) {
  return guardedAction(updateMeasureSchema, input, async (actor, data) => {
    const result = await updateMeasure(actor, data);
    if (result.status === "saved") refresh(data.conceptId);
    return result;
  });
}

export async function deleteMeasureAction(input: unknown) {
  const t = await getTranslations("measures");
  return guardedAction(
    deleteMeasureSchema,
    input,
    async (actor, data) => {
      const result = await deleteMeasure(actor, data);
      refresh(data.conceptId);
      return result;
    },
    t("deleted"),
  );
}

export async function moveMeasureAction(input: unknown) {
  return guardedAction(moveMeasureSchema, input, async (actor, data) => {
    const result = await moveMeasure(actor, data);
    if (result.moved) refresh(data.conceptId);
    return result;
  });
}

export async function addSubGoalAction(input: unknown) {
  const t = await getTranslations("measures");
  return guardedAction(
    addSubGoalSchema,
    input,
    async (actor, data) => {
      const result = await addSubGoal(actor, data);
      refresh(data.conceptId);
      return result;
    },
    t("subGoalAdded"),
  );
}

export async function updateSubGoalAction(input: unknown) {
  const t = await getTranslations("measures");
  return guardedAction(
    updateSubGoalSchema,
    input,
    async (actor, data) => {
      const result = await updateSubGoal(actor, data);
      refresh(data.conceptId);
      return result;
    },
    t("subGoalSaved"),
  );
}

export async function deleteSubGoalAction(input: unknown) {
  const t = await getTranslations("measures");
  return guardedAction(
    deleteSubGoalSchema,
    input,
    async (actor, data) => {
      const result = await deleteSubGoal(actor, data);
      refresh(data.conceptId);
      return result;
    },
    t("subGoalDeleted"),
  );
}

export async function moveSubGoalAction(input: unknown) {
  return guardedAction(moveSubGoalSchema, input, async (actor, data) => {
    const result = await moveSubGoal(actor, data);
    if (result.moved) refresh(data.conceptId);
    return result;
  });
}
