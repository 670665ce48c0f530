import "server-only";
import { z, fieldErrors, findInvalidText, INVALID_TEXT_MESSAGE } from "@/lib/validation";
import type { ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { reportUnexpectedError } from "@/lib/error-log";
import { fieldErrorsOf } from "./form-errors";

/**
 * guardedAction for the few actions that run without a session (registering a
 * municipality, accepting an invitation): parses with zod and turns domain
 * errors into a result, including errors the service pins to one field.
 * Whatever credential there is (an invitation token) the service checks itself.
 */
export async function publicAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    // Before anything else, so a forged character neither reaches the database nor uses up a rate-limit point.
    const invalid = findInvalidText(input);
    if (invalid) {
      return { ok: false, code: "bad_request", error: "Bitte prüfen Sie die markierten Angaben.", fieldErrors: { [invalid]: `Diese Angabe ${INVALID_TEXT_MESSAGE}` } };
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, code: "bad_request", error: "Bitte prüfen Sie die markierten Angaben.", fieldErrors: fieldErrors(parsed.error) };
    }
    return { ok: true, data: await fn(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) {
      const fields = fieldErrorsOf(error);
      return { ok: false, code: error.code, error: error.message, ...(fields ? { fieldErrors: fields } : {}) };
    }
    // redirect() and notFound() signal by throwing: let them through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    const { errorId, message } = reportUnexpectedError("public-action", error);
    return { ok: false, code: "bad_request", error: message, errorId };
  }
}
