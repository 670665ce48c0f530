import { z } from "@/lib/validation";

/*
 * The rules of a concept's title and of its fields of action, one place for
 * the forms (with messages in the UI language), the server actions, the import
 * and the version snapshot (lib/concepts/exchange.ts), so that they cannot
 * drift apart. The chapter settings have theirs in ./settings.ts, measures and
 * sub-goals in lib/measures/schema.ts.
 */

export const CONCEPT_TITLE = { min: 3, max: 200 } as const;
export const FIELD_TITLE = { min: 3, max: 120 } as const;
/** A municipality's own fields of action per concept (besides the template's). */
export const MAX_CUSTOM_FIELDS = 100;

type LengthMessages = { tooShort?: string; tooLong?: string };

/** The title of a concept; pass messages in the UI language from a form. */
export function conceptTitleSchema(messages: LengthMessages = {}) {
  return z
    .string({ error: "Bitte einen Titel angeben." })
    .trim()
    .min(CONCEPT_TITLE.min, messages.tooShort ?? `Der Titel muss mindestens ${CONCEPT_TITLE.min} Zeichen lang sein.`)
    .max(CONCEPT_TITLE.max, messages.tooLong ?? `Der Titel darf höchstens ${CONCEPT_TITLE.max} Zeichen lang sein.`);
}

/** The name of a field of action (Handlungsfeld). */
export function fieldTitleSchema(messages: LengthMessages = {}) {
  return z
    .string({ error: "Bitte einen Namen angeben." })
    .trim()
    .min(FIELD_TITLE.min, messages.tooShort ?? `Der Name muss mindestens ${FIELD_TITLE.min} Zeichen lang sein.`)
    .max(FIELD_TITLE.max, messages.tooLong ?? `Der Name darf höchstens ${FIELD_TITLE.max} Zeichen lang sein.`);
}

export const TOO_MANY_CUSTOM_FIELDS = `Ein Konzept hat höchstens ${MAX_CUSTOM_FIELDS} eigene Handlungsfelder.`;
