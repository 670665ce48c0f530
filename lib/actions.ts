import "server-only";
import { z } from "@/lib/validation";
import { AppError, type ErrorCode } from "@/lib/errors";
import { fieldErrors, findInvalidText, INVALID_TEXT_MESSAGE } from "@/lib/validation";
import { requireActor, type Actor } from "@/lib/auth/session";
import { reportUnexpectedError } from "@/lib/error-log";
import { requestDomainText, requestLocale } from "@/lib/i18n/domain-server";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import en from "zod/v4/locales/en.js";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; error: string; fieldErrors?: Record<string, string>; /** the number of an unexpected error, also in the server log */ errorId?: string };

/**
 * The frame of every server action: loads and checks the session, parses the
 * input with zod (German messages), and turns domain errors into a result the
 * form can show. The callback still checks role and municipality itself
 * (requireConcept / requireRole) because only it knows the object.
 */
export async function guardedAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (actor: Actor, data: z.infer<S>) => Promise<T>,
  successMessage?: string,
): Promise<ActionResult<T>> {
  return inRequestLanguage(await guarded(schema, input, fn, successMessage));
}

/**
 * A result's messages in the language of the request: lib/ and the schemas
 * write German, the "domain" catalogue knows their English (lib/i18n/domain-text.ts).
 */
export async function inRequestLanguage<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  const dt = await requestDomainText();
  if (result.ok) return result.message ? { ...result, message: dt(result.message) } : result;
  const fields = result.fieldErrors ? Object.fromEntries(Object.entries(result.fieldErrors).map(([key, text]) => [key, dt(text)])) : undefined;
  return { ...result, error: dt(result.error), ...(fields ? { fieldErrors: fields } : {}) };
}

const ENGLISH_ZOD = en();

async function guarded<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (actor: Actor, data: z.infer<S>) => Promise<T>,
  successMessage?: string,
): Promise<ActionResult<T>> {
  try {
    const actor = await requireActor();
    const invalid = findInvalidText(input);
    if (invalid) return { ok: false, code: "bad_request", error: `Die Eingabe „${invalid}“ ${INVALID_TEXT_MESSAGE}`, fieldErrors: { [invalid]: `Diese Angabe ${INVALID_TEXT_MESSAGE}` } };
    // zod's own wording (for checks without a message of ours) in English for an English page; ours are translated afterwards.
    const english = (await requestLocale()) !== DEFAULT_LOCALE;
    const parsed = english ? schema.safeParse(input, { error: ENGLISH_ZOD.localeError }) : schema.safeParse(input);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      return { ok: false, code: "bad_request", error: "Bitte prüfen Sie die markierten Angaben.", fieldErrors: errors };
    }
    const data = await fn(actor, parsed.data);
    return { ok: true, data, ...(successMessage ? { message: successMessage } : {}) };
  } catch (error) {
    if (error instanceof AppError) {
      // A domain check that knows its field ({ fieldErrors } in the details) lets the form mark it, like a schema error.
      const fields = (error.details as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
      return { ok: false, code: error.code, error: error.message, ...(fields ? { fieldErrors: fields } : {}) };
    }
    // next/navigation's redirect() and notFound() signal by throwing: let them through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    const { errorId, message } = reportUnexpectedError("action", error);
    return { ok: false, code: "bad_request", error: message, errorId };
  }
}

/** FormData to a plain object (repeated keys become arrays), for zod. */
export function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    const prev = out[key];
    out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
