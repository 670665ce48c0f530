import { LENGTH_REQUIRED_MESSAGE } from "@/lib/http/limits";

/** Typed errors of the domain, each with an HTTP status and a German message for the user. */
export type ErrorCode = "unauthorized" | "forbidden" | "not_found" | "bad_request" | "conflict" | "length_required" | "too_large" | "rate_limited";

/** The HTTP status of each code (routes answer with it; tests map action results with it). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  bad_request: 400,
  conflict: 409,
  length_required: 411,
  too_large: 413,
  rate_limited: 429,
};

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  unauthorized: "Bitte melden Sie sich an.",
  forbidden: "Dafür fehlt Ihnen die Berechtigung.",
  not_found: "Nicht gefunden oder kein Zugriff.",
  bad_request: "Die Eingabe ist ungültig.",
  conflict: "Der Inhalt wurde inzwischen geändert.",
  length_required: LENGTH_REQUIRED_MESSAGE,
  too_large: "Die Eingabe ist zu groß.",
  rate_limited: "Zu viele Versuche. Bitte warten Sie einen Moment.",
};

/** How long a refused caller should wait when a 429 does not say (the Retry-After header of the response). */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** For rate_limited: seconds until a new try may succeed (sent as Retry-After). */
  readonly retryAfterSeconds?: number;
  constructor(code: ErrorCode, message?: string, details?: unknown, options?: { retryAfterSeconds?: number }) {
    super(message ?? DEFAULT_MESSAGE[code]);
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  get status() {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Nicht gefunden.") => new AppError("not_found", what);
export const forbidden = (message?: string) => new AppError("forbidden", message);
/** A 429 with the waiting time the user is told, in milliseconds (rounded up to whole seconds for Retry-After). */
export const rateLimited = (message: string, retryAfterMs: number) =>
  new AppError("rate_limited", message, undefined, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
export const badRequest = (message: string, details?: unknown) => new AppError("bad_request", message, details);

/** Extra headers of an error response: Retry-After on a 429, so clients and proxies know when to try again. */
export function errorHeaders(error: AppError): Record<string, string> {
  if (error.code !== "rate_limited") return {};
  return { "Retry-After": String(error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) };
}

/** JSON body of an error response: { error: { code, message, details? } } */
export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}
