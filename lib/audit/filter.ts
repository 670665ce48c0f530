import { isCalendarDate } from "@/lib/validation";
import { isAuditKind, type AuditKind } from "./actions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The log page's filter as the GET form sends it (?konzept=…&person=…&art=…&von=…&bis=…&seite=…). */
export type AuditQuery = {
  conceptId?: string;
  actorId?: string;
  kind?: AuditKind;
  /** calendar days in Germany, YYYY-MM-DD, both included */
  from?: string;
  to?: string;
  page: number;
  /** a date was given but is not one (ignored, and the page says so) */
  invalidDate: boolean;
};

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/** Read the filter; what is not valid is left out, so a hand-edited address still shows the log. */
export function parseAuditQuery(params: Params): AuditQuery {
  const concept = one(params.konzept);
  const person = one(params.person);
  const kind = one(params.art);
  const page = Number(one(params.seite));
  const query: AuditQuery = { page: Number.isSafeInteger(page) && page >= 1 ? page : 1, invalidDate: false };
  if (UUID.test(concept)) query.conceptId = concept.toLowerCase();
  if (UUID.test(person)) query.actorId = person.toLowerCase();
  if (isAuditKind(kind)) query.kind = kind;
  for (const [key, name] of [["from", "von"], ["to", "bis"]] as const) {
    const value = one(params[name]);
    if (!value) continue;
    if (isCalendarDate(value)) query[key] = value;
    else query.invalidDate = true;
  }
  // "von" after "bis": the period the person meant.
  if (query.from && query.to && query.from > query.to) [query.from, query.to] = [query.to, query.from];
  return query;
}

/** The address of the log with this filter (empty values left out); for the pages and the export. */
export function auditQueryString(query: Omit<AuditQuery, "invalidDate" | "page"> & { page?: number }): string {
  const params = new URLSearchParams();
  if (query.conceptId) params.set("konzept", query.conceptId);
  if (query.actorId) params.set("person", query.actorId);
  if (query.kind) params.set("art", query.kind);
  if (query.from) params.set("von", query.from);
  if (query.to) params.set("bis", query.to);
  if (query.page && query.page > 1) params.set("seite", String(query.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
