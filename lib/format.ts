const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" });
const dateOnly = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" });

export function formatDateTime(value: Date | string) {
  return dateTime.format(typeof value === "string" ? new Date(value) : value);
}

export function formatDate(value: Date | string) {
  return dateOnly.format(typeof value === "string" ? new Date(value) : value);
}

/**
 * A user's string inside a line with others ("Partner A; Partner B", "Schreibt gerade
 * hier: A, B"): wrapped in FSI…PDI so a right-to-left override in one cannot mirror the next.
 * A PDI of its own could close the isolation early, so it is dropped.
 */
export const isolate = (s: string) => `\u2068${s.replaceAll("\u2069", "")}\u2069`;

/** Several user strings in one line, each isolated. */
export const isolatedList = (items: readonly string[], separator = ", ") => items.map(isolate).join(separator);

const berlinDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });
const berlinHourFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", hourCycle: "h23" });
/** The calendar date in Germany ("2026-12-03"): due dates and daily mails follow German days. */
export const berlinDate = (at: Date) => berlinDay.format(at);
/** The hour (0–23) in Germany. */
export const berlinHour = (at: Date) => Number(berlinHourFormat.format(at));
