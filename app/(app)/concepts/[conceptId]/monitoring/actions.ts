"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { deleteKeyFigureSchema, recordKeyFigureSchema } from "@/lib/key-figures/schema";
import { deleteKeyFigure, recordKeyFigure } from "@/lib/key-figures/service";
import { formObject, guardedAction, type ActionResult } from "@/lib/actions";
import { clearYearStatusSchema, deleteValueSchema, recordValueSchema, setYearStatusSchema } from "@/lib/monitoring/schema";
import { clearMeasureYearStatus, deleteIndicatorValue, recordIndicatorValue, setMeasureYearStatus } from "@/lib/monitoring/service";

/*
 * The monitoring page's writes. Public endpoints: guardedAction loads the
 * session and parses the input; the service checks it again, with the role
 * (editors, admins), the municipality and that measure and indicator belong to
 * the concept. A refused input changes nothing.
 */

const done = (conceptId: unknown) => revalidatePath(`/concepts/${String(conceptId)}/monitoring`);

export async function recordValueAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const t = await getTranslations("monitoring");
  const result = await guardedAction(recordValueSchema, input, async (actor, data) => void (await recordIndicatorValue(actor, data)), t("valueSaved"));
  if (result.ok) done(input.conceptId);
  return result;
}

export async function deleteValueAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const t = await getTranslations("monitoring");
  const result = await guardedAction(deleteValueSchema, input, async (actor, data) => void (await deleteIndicatorValue(actor, data)), t("valueDeleted"));
  if (result.ok) done(input.conceptId);
  return result;
}

export async function setYearStatusAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const t = await getTranslations("monitoring");
  const result = await guardedAction(setYearStatusSchema, input, async (actor, data) => void (await setMeasureYearStatus(actor, data)), t("yearStatusSaved"));
  if (result.ok) done(input.conceptId);
  return result;
}

export async function clearYearStatusAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const t = await getTranslations("monitoring");
  const result = await guardedAction(clearYearStatusSchema, input, async (actor, data) => void (await clearMeasureYearStatus(actor, data)), t("yearStatusCleared"));
  if (result.ok) done(input.conceptId);
  return result;
}

export async function recordKeyFigureAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const t = await getTranslations("monitoring.keyFigures");
  const result = await guardedAction(recordKeyFigureSchema, input, async (actor, data) => void (await recordKeyFigure(actor, data)), t("saved"));
  if (result.ok) done(input.conceptId);
  return result;
}

export async function deleteKeyFigureAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const t = await getTranslations("monitoring.keyFigures");
  const result = await guardedAction(deleteKeyFigureSchema, input, async (actor, data) => void (await deleteKeyFigure(actor, data)), t("deleted"));
  if (result.ok) done(input.conceptId);
  return result;
}
