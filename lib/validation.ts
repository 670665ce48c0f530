import { z } from "zod";
import { de } from "zod/locales";

// Zod's own German messages for everything we do not phrase ourselves.
z.config(de());

export { z };

/** First message per field path ("fundingLines.0.amount" → message), for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** One readable German sentence for an invalid input. */
export function describeZodError(error: z.ZodError, labels: Record<string, string> = {}): string {
  const issue = error.issues[0];
  if (!issue) return "Die Eingabe ist ungültig.";
  const path = issue.path.join(".");
  const label = labels[path] ?? labels[String(issue.path[0] ?? "")] ?? path;
  return label ? `${label}: ${issue.message}` : issue.message;
}
