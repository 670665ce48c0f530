import { z } from "zod";
import de from "zod/v4/locales/de.js";

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

/**
 * Text PostgreSQL cannot store: NUL characters and lone UTF-16 surrogates (from
 * broken copy and paste). Returns the path of the first such string, or null.
 */
export function findUnstorableText(value: unknown, path = ""): string | null {
  return findString(value, path, (text) => text.includes("\u0000") || !text.isWellFormed());
}

/**
 * The path of the first string (object keys included) in `value` that `bad`
 * matches, walked depth-first in document order with an explicit stack: the
 * value is untrusted JSON and may be nested thousands of levels deep.
 */
function findString(value: unknown, path: string, bad: (text: string) => boolean): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === "string") {
      if (bad(v)) return item.path || "Text";
      continue;
    }
    if (!v || typeof v !== "object") continue;
    const children: { value: unknown; path: string }[] = [];
    if (Array.isArray(v)) {
      v.forEach((child, i) => children.push({ value: child, path: item.path ? `${item.path}.${i}` : String(i) }));
    } else {
      for (const [k, child] of Object.entries(v)) {
        children.push({ value: k, path: item.path });
        children.push({ value: child, path: item.path ? `${item.path}.${k}` : k });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

export const UNSTORABLE_TEXT_MESSAGE =
  "enthält ungültige Zeichen (ein Steuerzeichen NUL oder ein beschädigtes Unicode-Zeichen, z. B. aus einer fehlerhaften Kopie). Bitte den Text prüfen und erneut einfügen.";

/*
 * Calendar dates ("JJJJ-MM-TT"). The one place that decides what a date is, for
 * every form, server action, import and snapshot: four-digit years from 1000
 * (PostgreSQL and the browser's date input agree there; years 0–99 would be
 * read as 1900–1999 by Date), a month 01–12 and a day that month has.
 */
const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is "JJJJ-MM-TT" of a day that exists (2028-02-29 yes, 2026-02-30, 2029-13-01 and 0000-00-00 no). */
export function isCalendarDate(s: string): boolean {
  const match = DATE_FORMAT.exec(s);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A calendar date as zod checks it; the messages can name the field ("Beginn: …"). */
export function calendarDate(label?: string) {
  const prefix = label ? `${label}: ` : "";
  return z
    .string({ error: `${prefix}Bitte ein Datum angeben.` })
    .regex(DATE_FORMAT, `${prefix}Bitte ein Datum im Format JJJJ-MM-TT angeben.`)
    // 0999-01-01 (a day and month that exist, an early year) is a typo in the year: said so, rather than "does not exist".
    .refine((s) => !isCalendarDate(`2000${s.slice(4)}`) || Number(s.slice(0, 4)) >= 1000, { error: `${prefix}Bitte ein Jahr ab 1000 angeben.`, abort: true })
    .refine(isCalendarDate, `${prefix}Dieses Datum gibt es nicht.`);
}

/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and the noncharacters U+FFFE and U+FFFF
 * (not allowed in XML: a Word or OpenDocument file holding one does not open): never typed, a sign of a broken copy
 * or a forged request.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;

/**
 * The one text rule for everything that arrives through a form or a server
 * action (fields, file names): what PostgreSQL cannot store (findUnstorableText)
 * and control characters. Returns the path of the first such string, or null.
 * JSON bodies of the API (rich text, backups) keep only the storage rule, so
 * text pasted from other programs is not refused for an invisible character.
 */
export function findInvalidText(value: unknown, path = ""): string | null {
  return findString(value, path, (text) => text.includes("\u0000") || !text.isWellFormed() || CONTROL_CHARACTER.test(text) || isOnlyInvisible(text));
}

/** Characters that show nothing: zero-width spaces and joiners, direction marks, the BOM, the soft hyphen, blank fillers. */
const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0\u2800]/u;
const INVISIBLE_OR_SPACE = /[\p{Cf}\u115f\u1160\u3164\uffa0\u2800\s]/gu;

/**
 * A text of invisible characters only ("\u200b\u200b\u200b" passed a title's minimum of 3 characters and gave a
 * concept without a readable name, whose link in the list could not be clicked). Blank texts stay the forms' own
 * concern ("bitte angeben"); one invisible character beside visible ones (a joiner in Persian, a soft hyphen) is fine.
 */
export function isOnlyInvisible(text: string): boolean {
  return INVISIBLE.test(text) && text.replace(INVISIBLE_OR_SPACE, "") === "";
}

export const INVALID_TEXT_MESSAGE =
  "enthält ein unzulässiges Steuerzeichen (z. B. NUL), ein beschädigtes Unicode-Zeichen oder nur unsichtbare Zeichen, etwa aus einer fehlerhaften Kopie. Bitte die Angabe prüfen und neu eingeben.";
