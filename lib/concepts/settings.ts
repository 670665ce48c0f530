import { z } from "@/lib/validation";

export const ORG_MODELS = {
  staff_unit: "Stabsstelle",
  integration_centre: "Kommunales Integrationszentrum",
  migration_office: "Amt für Migration und Integration",
  other: "Anderes Modell",
} as const;
export type OrgModel = keyof typeof ORG_MODELS;

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

export const SETTING_LABELS: Record<string, string> = {
  validFrom: "Gültig ab",
  validUntil: "Gültig bis",
  wholeSociety: "Ausrichtung",
  orgModel: "Organisationsmodell",
  orgModelOther: "Anderes Organisationsmodell",
  leadOffice: "Federführende Stelle",
  updateCycleYears: "Fortschreibung alle … Jahre",
  updateOffice: "Zuständig für die Fortschreibung",
};
