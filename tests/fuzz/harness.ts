/**
 * The fuzz test's frame: calls the real route handlers and server actions (only
 * the cookie-to-session step of next-auth is replaced, see fuzz.test.ts), takes a
 * snapshot of everything a municipality has in the database, and checks the
 * invariant of every call:
 *   a 2xx whose text reads back equal, or a 4xx with a German message and the
 *   municipality's data unchanged — never a 5xx or an uncaught error, never > 2 s.
 */
import { sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb } from "@/db";
import { AppError, ERROR_STATUS, errorBody, type ErrorCode } from "@/lib/errors";

export const ORIGIN = "http://localhost:3000";
/** The slowest answer the invariant accepts. */
export const MAX_MS = 2000;
/** A call still running after this is reported as a hang (and the case fails) instead of waiting for Vitest's timeout. */
const HANG_MS = 15_000;

export type Outcome = {
  /** HTTP status, or the status an action's error code maps to (ok → 200) */
  status: number;
  /** parsed JSON body (routes), the ActionResult (actions), or the bytes' length (PDFs) */
  body: unknown;
  ms: number;
  /** what was thrown past the frame (a route handler or action must never throw) */
  thrown?: unknown;
  pdf?: Uint8Array;
};

/** Run `call`, time it, and turn a throw or a hang into an outcome instead of an exception. */
export async function timed(call: () => Promise<Omit<Outcome, "ms">>): Promise<Outcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`hang: no answer after ${HANG_MS} ms`)), HANG_MS);
    });
    const result = await Promise.race([call(), hang]);
    return { ...result, ms: performance.now() - started };
  } catch (thrown) {
    return { status: 0, body: null, thrown, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** One request through a route handler, as the browser of a signed-in user sends it (same origin). */
export function callRoute<P extends Record<string, string>>(
  handler: Handler<P>,
  params: P,
  init: { method?: string; path?: string; body?: string } = {},
): Promise<Outcome> {
  return timed(async () => {
    const method = init.method ?? "GET";
    const headers: Record<string, string> = { host: "localhost:3000" };
    if (method !== "GET") Object.assign(headers, { origin: ORIGIN, "content-type": "application/json", "sec-fetch-site": "same-origin" });
    const req = new Request(`${ORIGIN}${init.path ?? "/"}`, { method, headers, body: init.body });
    const res = await handler(req, { params: Promise.resolve(params) });
    const type = res.headers.get("content-type") ?? "";
    if (type.includes("application/pdf")) {
      const pdf = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, body: pdf.length, pdf };
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text, the check reports it
    }
    return { status: res.status, body };
  });
}

/** One server-action call; its ActionResult mapped to the status a route would answer. */
export function callAction(action: (input: unknown) => Promise<unknown>, input: unknown): Promise<Outcome> {
  return timed(async () => {
    const result = (await action(input)) as { ok: boolean; code?: string; data?: unknown };
    if (result.ok) return { status: 200, body: result };
    return { status: ERROR_STATUS[result.code as ErrorCode] ?? 500, body: result };
  });
}

/** A domain function called directly; an AppError becomes its status (as errorResponse maps it), anything else a 500. */
export function callDomain(fn: () => Promise<unknown>): Promise<Outcome> {
  return timed(async () => {
    try {
      return { status: 200, body: await fn() };
    } catch (error) {
      if (error instanceof AppError) return { status: error.status, body: errorBody(error) };
      throw error;
    }
  });
}

/* ---------- what the user reads ---------- */

/** Every message a user would see in an error answer: the route's message, the action's error and its field messages. */
export function userMessages(body: unknown): string[] {
  if (!body || typeof body !== "object") return typeof body === "string" ? [body] : [];
  const b = body as { error?: unknown; fieldErrors?: Record<string, unknown>; message?: unknown };
  const out: string[] = [];
  if (typeof b.error === "string") out.push(b.error);
  if (b.error && typeof b.error === "object") {
    const e = b.error as { message?: unknown; details?: unknown };
    if (typeof e.message === "string") out.push(e.message);
    if (e.details && typeof e.details === "object" && !Array.isArray(e.details)) {
      for (const v of Object.values(e.details)) if (typeof v === "string") out.push(v);
    }
  }
  if (b.fieldErrors) for (const v of Object.values(b.fieldErrors)) if (typeof v === "string") out.push(v);
  if (out.length === 0 && typeof b.message === "string") out.push(b.message);
  return out;
}

const GERMAN =
  /[äöüßÄÖÜ„“]|\b(bitte|nicht|kein|keine|ist|sind|der|die|das|den|des|ein|eine|zu|und|oder|höchstens|mindestens|ungültig\w*|unbekannt\w*|fehlt|gibt|darf|Sie|erwartet|Kapitel|Eingabe|Angabe\w*|Datum|Titel|Text|Anfrage|Kennung)\b/i;
/** English (library messages passed through), stack traces and programming words a user must not read. */
const NOT_FOR_USERS =
  /\b(the|is|are|not|allowed|invalid|expected|unknown|must|cannot|should|error|failed|undefined|null|NaN|object|received|RangeError|TypeError|SyntaxError)\b|Maximum call stack|\bat \S+ \(|\.(ts|js|mjs):\d+/;

/** zod's German locale names JSON types in English ("erwartet object, erhalten Zahl"): accepted, only API clients send wrong types. */
const ZOD_TYPE_NAMES = /erwartet \w+(, erhalten \w+)?/g;

/** Why a user-facing message is not acceptable, or null when it is German and plain. */
export function messageProblem(message: string): string | null {
  if (!message.trim()) return "leere Meldung";
  const english = NOT_FOR_USERS.exec(message.replace(ZOD_TYPE_NAMES, ""));
  if (english) return `Englisch oder Technik in der Meldung („${english[0]}“)`;
  if (!GERMAN.test(message)) return "Meldung nicht erkennbar deutsch";
  return null;
}

/* ---------- what is stored ---------- */

type TableShape = { name: string; municipality: boolean; concept: boolean; id: boolean };
let tables: TableShape[] | null = null;

async function tableShapes(): Promise<TableShape[]> {
  if (tables) return tables;
  const db = await getDb();
  const rows = (await db.execute(sql`
    select table_name as name,
           bool_or(column_name = 'municipality_id') as municipality,
           bool_or(column_name = 'concept_id') as concept,
           bool_or(column_name = 'id') as id
      from information_schema.columns
     where table_schema = 'public'
     group by table_name
     order by table_name`)) as unknown as TableShape[];
  tables = rows;
  return rows;
}

/**
 * One fingerprint per table of everything that belongs to the municipality: all
 * rows of tables with a municipality_id (or concept_id of its concepts), the
 * municipality's own row, and the row count of every other table (users,
 * sessions, version snapshots …), so that an insert anywhere shows.
 */
export async function snapshot(municipalityId: string): Promise<Record<string, string>> {
  const db = await getDb();
  const parts = (await tableShapes()).map((t) => {
    const table = sql.identifier(t.name);
    if (t.name === "municipalities") return sql`select ${t.name}::text as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${table} x where x.id = ${municipalityId}::uuid`;
    if (t.municipality) return sql`select ${t.name}::text as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${table} x where x.municipality_id = ${municipalityId}::uuid`;
    if (t.concept)
      return sql`select ${t.name}::text as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${table} x where x.concept_id in (select id from concepts where municipality_id = ${municipalityId}::uuid)`;
    return sql`select ${t.name}::text as t, count(*)::text as h from ${table}`;
  });
  const rows = (await db.execute(sql.join(parts, sql` union all `))) as unknown as { t: string; h: string }[];
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

/* ---------- text ---------- */

/** All text of a Tiptap JSON value in document order (what a reader reads), however broken the value is. */
export function docText(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    const n = node as JSONContent;
    if (n.type === "text" && typeof n.text === "string") out.push(n.text);
    if (Array.isArray(n.content)) for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i]);
  }
  return out.join("");
}

/** Nesting depth of a JSON value, counted without recursion (the fuzzer sends thousands of levels). */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (v && typeof v === "object") for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** A short, printable description of an input for the report (long strings cut, invisible characters shown as \uXXXX). */
export function describe(value: unknown, max = 400): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 60)}…(${v.length} Zeichen)` : v)) ?? String(value);
  } catch {
    text = `[${value && typeof value === "object" ? `JSON, ${jsonDepth(value)} Ebenen tief` : String(value)}]`;
  }
  if (text.length > max) text = `${text.slice(0, max)}…(${text.length} Zeichen)`;
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * JSON.stringify without recursion: the fuzzer builds documents thousands of
 * levels deep, deeper than V8's recursive stringify manages in a test worker
 * (a browser's bigger stack sends them). Plain data only, as JSON.stringify
 * treats it (undefined in objects dropped, in arrays null).
 */
export function stringifyDeep(value: unknown): string {
  const out: string[] = [];
  type Frame = { v: unknown } | { raw: string };
  const stack: Frame[] = [{ v: value }];
  while (stack.length) {
    const frame = stack.pop()!;
    if ("raw" in frame) {
      out.push(frame.raw);
      continue;
    }
    const v = frame.v;
    if (v === null || typeof v !== "object") {
      out.push(typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? JSON.stringify(v) : "null");
      continue;
    }
    const later: Frame[] = [];
    if (Array.isArray(v)) {
      later.push({ raw: "[" });
      v.forEach((item, i) => {
        if (i) later.push({ raw: "," });
        later.push({ v: item === undefined || typeof item === "function" ? null : item });
      });
      later.push({ raw: "]" });
    } else {
      later.push({ raw: "{" });
      let first = true;
      for (const [k, item] of Object.entries(v)) {
        if (item === undefined || typeof item === "function") continue;
        later.push({ raw: `${first ? "" : ","}${JSON.stringify(k)}:` }, { v: item });
        first = false;
      }
      later.push({ raw: "}" });
    }
    for (let i = later.length - 1; i >= 0; i--) stack.push(later[i]!);
  }
  return out.join("");
}
