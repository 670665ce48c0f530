import { z } from "@/lib/validation";
import { ORG_MODELS, type OrgModel } from "./setting-labels";

export { ORG_MODELS, SETTING_LABELS, type OrgModel } from "./setting-labels";



const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum im Format JJJJ-MM-TT angeben.");

/** The structured answers of the template's chapters, stored in concepts.settings. */
export const conceptSettingsSchema = z
  .object({
    validFrom: isoDate.nullable().optional(),
    validUntil: isoDate.nullable().optional(),
    /** vision: the concept addresses the whole society (true) or newcomers only (false) */
    wholeSociety: z.boolean().nullable().optional(),
    orgModel: z.enum(Object.keys(ORG_MODELS) as [OrgModel, ...OrgModel[]]).nullable().optional(),
    orgModelOther: z.string().trim().max(200).optional(),
    leadOffice: z.string().trim().max(200).optional(),
    updateCycleYears: z.number().int().min(1, "Mindestens 1 Jahr.").max(20, "Höchstens 20 Jahre.").nullable().optional(),
    updateOffice: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((s) => !s.validFrom || !s.validUntil || s.validFrom <= s.validUntil, {
    message: "Das Ende der Geltungsdauer liegt vor ihrem Beginn.",
    path: ["validUntil"],
  });

export type ConceptSettings = z.infer<typeof conceptSettingsSchema>;
