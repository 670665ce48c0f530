import { calendarDate, z } from "@/lib/validation";
import { ORG_MODELS, type OrgModel } from "./setting-labels";

export { ORG_MODELS, SETTING_LABELS, type OrgModel } from "./setting-labels";

/** Free text of a setting (the form's inputs have maxLength 200). */
export const MAX_SETTING_TEXT = 200;
const isoDate = calendarDate();
const text = z.string().trim().max(MAX_SETTING_TEXT, `Höchstens ${MAX_SETTING_TEXT} Zeichen.`);

/**
 * The structured answers of the template's chapters, stored in concepts.settings:
 * the one schema of the chapter-settings form's action, the import and the
 * version snapshot.
 */
export const conceptSettingsSchema = z
  .object({
    validFrom: isoDate.nullable().optional(),
    validUntil: isoDate.nullable().optional(),
    /** vision: the concept addresses the whole society (true) or newcomers only (false) */
    wholeSociety: z.boolean().nullable().optional(),
    orgModel: z.enum(Object.keys(ORG_MODELS) as [OrgModel, ...OrgModel[]]).nullable().optional(),
    orgModelOther: text.optional(),
    leadOffice: text.optional(),
    updateCycleYears: z.number().int().min(1, "Mindestens 1 Jahr.").max(20, "Höchstens 20 Jahre.").nullable().optional(),
    updateOffice: text.optional(),
  })
  .strict()
  .refine((s) => !s.validFrom || !s.validUntil || s.validFrom <= s.validUntil, {
    message: "Das Ende der Geltungsdauer liegt vor ihrem Beginn.",
    path: ["validUntil"],
  });

export type ConceptSettings = z.infer<typeof conceptSettingsSchema>;
