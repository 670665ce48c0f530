import { AppError, type ErrorCode } from "@/lib/errors";
import type { ActionResult } from "@/lib/actions";

/**
 * A domain error that belongs to one form field (a taken AGS, a wrong password).
 * The message is the error's message too, so callers that only show
 * `error.message` still say the right thing.
 */
export function fieldError(field: string, message: string, code: ErrorCode = "bad_request"): AppError {
  return new AppError(code, message, { fieldErrors: { [field]: message } });
}

/** The field errors an AppError carries in its details, if any. */
export function fieldErrorsOf(error: AppError): Record<string, string> | undefined {
  const details = error.details;
  if (!details || typeof details !== "object" || !("fieldErrors" in details)) return undefined;
  const raw = (details as { fieldErrors: unknown }).fieldErrors;
  if (!raw || typeof raw !== "object") return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") out[key] = value;
  return out;
}

/**
 * The submitted form values to show again after an error. Secrets are never
 * sent back to the browser.
 */
export function keptValues(input: Record<string, unknown>, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (omit.includes(key) || /password/i.test(key)) continue;
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

/** What a form's action returns: the result, plus the values to fill in again after an error. */
export type FormState<T = undefined> = (ActionResult<T> & { values?: Record<string, string> }) | null;
