/** Labels of the chapter settings; free of zod so client components can use them. */
export const ORG_MODELS = {
  staff_unit: "Stabsstelle",
  integration_centre: "Kommunales Integrationszentrum",
  migration_office: "Amt für Migration und Integration",
  other: "Anderes Modell",
} as const;
export type OrgModel = keyof typeof ORG_MODELS;

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
