import type { useTranslations } from "next-intl";

/** A sub-goal (Teilziel) a measure can serve, in the field's order. */
export type SubGoalOption = { id: string; text: string };

export type MeasuresT = ReturnType<typeof useTranslations<"measures">>;
