import "server-only";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { updateConceptMeta } from "./writable";
import { AppError } from "@/lib/errors";
import { describeZodError } from "@/lib/validation";
import type { Actor } from "@/lib/auth/session";
import { requireConcept } from "./access";
import { conceptTitleSchema } from "./schema";
import { conceptSettingsSchema, SETTING_LABELS } from "./settings";

/** Save the structured chapter settings (merged into the stored ones) and/or the title. */
export async function updateConceptSettings(
  actor: Actor,
  input: { conceptId: string; title?: string; settings?: Record<string, unknown> },
) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editSettings");
  let title: string | undefined;
  if (input.title !== undefined) {
    const parsed = conceptTitleSchema().safeParse(input.title);
    if (!parsed.success) throw new AppError("bad_request", describeZodError(parsed.error, { "": "Titel" }));
    title = parsed.data;
  }
  let settings: Record<string, unknown> | undefined;
  if (input.settings) {
    const merged = { ...concept.settings, ...input.settings };
    const parsed = conceptSettingsSchema.safeParse(merged);
    if (!parsed.success) throw new AppError("bad_request", describeZodError(parsed.error, SETTING_LABELS));
    settings = parsed.data;
  }
  const changedSettings = settings ? Object.keys(settings).filter((k) => JSON.stringify(settings[k]) !== JSON.stringify(concept.settings[k])) : [];
  const renamed = title !== undefined && title !== concept.title;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await updateConceptMeta({ conceptId: concept.id, title, settings }, tx);
    const base = { municipalityId: concept.municipalityId, actorId: actor.id, conceptId: concept.id };
    if (renamed) await recordAudit(tx, { ...base, action: "concept.rename", details: { from: concept.title, to: title ?? null } });
    if (changedSettings.length) await recordAudit(tx, { ...base, action: "concept.settings", details: { settings: changedSettings.join(",") } });
  });
}
