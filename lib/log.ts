/**
 * The server's operational log: one JSON object per line on stdout (pino).
 *
 * Fields: `level` ("info", "warn", "error" …), `time` (ISO 8601, UTC), `event`
 * (a fixed name such as "http.request" or "mail.send_failed"), `msg`, and
 * `requestId` while a request is being served (scripts/start.ts sets it).
 * LOG_LEVEL chooses the threshold: trace, debug, info (default), warn, error,
 * fatal or silent.
 *
 * No personal data and no document content: callers pass ids, counts and kinds,
 * never e-mail addresses, names, passwords, tokens, cookies, query strings,
 * bodies or section text. `redact` below is only the safety net for a key that
 * slips through; errors go through `errorFields`, which drops their message
 * (it may quote a title or an address).
 *
 * Next.js bundles server code apart from scripts/start.ts, so this module may
 * exist twice in one process: the logger and the request context live on
 * globalThis, and both copies write through the same ones.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";

/** Keys whose values never reach the log, at the top level and one level down. */
const SECRET_KEYS = [
  "email",
  "mail",
  "to",
  "from",
  "recipient",
  "name",
  "title",
  "password",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "cookie",
  "authorization",
  "url",
  "query",
  "body",
  "text",
  "content",
  "html",
  "subject",
];
export const REDACT_PATHS = [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`), 'headers["set-cookie"]'];

const LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "silent"]);

export type RequestContext = { requestId: string };

type LogState = { logger: Logger | null; context: AsyncLocalStorage<RequestContext> };
const globalForLog = globalThis as unknown as { konzeptwerkLog?: LogState };

function state(): LogState {
  return (globalForLog.konzeptwerkLog ??= { logger: null, context: new AsyncLocalStorage<RequestContext>() });
}

/** LOG_LEVEL when it names a pino level, else "info". */
export function logLevel(env: Record<string, string | undefined> = process.env): string {
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  return level && LEVELS.has(level) ? level : "info";
}

/** A logger with this app's settings writing to `destination` (stdout when omitted). */
export function createLogger(destination?: DestinationStream, level = logLevel()): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "error" rather than 50: readable without pino's tools.
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    mixin: () => {
      const ctx = state().context.getStore();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The process's logger. */
export function logger(): Logger {
  const s = state();
  return (s.logger ??= createLogger());
}

/**
 * Send the log to `destination` from now on (tests capture the output this way);
 * null returns to stdout.
 */
export function setLogDestination(destination: DestinationStream | null, level?: string): void {
  state().logger = destination ? createLogger(destination, level ?? logLevel()) : null;
}

/** Run `fn` with `requestId` attached to every line it logs (also across awaits). */
export function withRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return state().context.run(ctx, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return state().context.getStore()?.requestId;
}

export type LogFields = { event: string } & Record<string, unknown>;

/** `log.info({ event: "…", …ids and counts }, "kurzer Text")`. */
export const log = {
  debug: (fields: LogFields, msg?: string) => logger().debug(fields, msg),
  info: (fields: LogFields, msg?: string) => logger().info(fields, msg),
  warn: (fields: LogFields, msg?: string) => logger().warn(fields, msg),
  error: (fields: LogFields, msg?: string) => logger().error(fields, msg),
};

/** Messages of these come from the JavaScript engine and name code, not data (e.g. "Cannot read properties of undefined (reading 'x')"). */
const ENGINE_ERRORS = new Set(["TypeError", "ReferenceError", "RangeError"]);
const EMAIL = /[^\s@<>"'„“]+@[^\s@<>"'„“]+/g;
const QUOTED = /„[^“]*“|"[^"]*"|«[^»]*»/g;

/** Text with every e-mail address replaced by "[…]". */
export function maskAddresses(text: string): string {
  return text.replace(EMAIL, "[…]");
}

/**
 * What of an error may be logged: its class, code (PostgreSQL's SQLSTATE and
 * constraint, Node's ECONNREFUSED …), the stack frames (code locations) and a
 * hash of the message, so equal errors group together. The message itself
 * only for the engine's own errors, with anything quoted and any address masked.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & { code?: unknown; constraint_name?: unknown; table_name?: unknown; syscall?: unknown; digest?: unknown };
  const out: Record<string, unknown> = {
    type: e.name,
    messageHash: createHash("sha256").update(e.message).digest("hex").slice(0, 12),
  };
  if (ENGINE_ERRORS.has(e.name)) out.message = e.message.replace(QUOTED, "[…]").replace(EMAIL, "[…]").slice(0, 300);
  if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
  // nodemailer: the SMTP reply code (e.g. 550), never the reply text (it may name the recipient).
  const responseCode = (e as { responseCode?: unknown }).responseCode;
  if (typeof responseCode === "number") out.responseCode = responseCode;
  if (typeof e.constraint_name === "string") out.constraint = e.constraint_name;
  if (typeof e.table_name === "string") out.table = e.table_name;
  if (typeof e.syscall === "string") out.syscall = e.syscall;
  if (e.digest !== undefined) out.digest = String(e.digest);
  const frames = e.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  if (frames?.length) out.stack = frames.map((line) => line.trim()).join("\n");
  return out;
}

/** First line only, anything quoted and any address masked, at most 300 characters. */
function maskedLine(text: string): string {
  return maskAddresses((text.split("\n", 1)[0] ?? "").replace(QUOTED, "[…]")).trim().slice(0, 300);
}

/**
 * Once the server runs (scripts/start.ts, after its banner): what libraries
 * write with console.* (Next.js's own error print, Hocuspocus's refusals)
 * becomes a JSON line too (event "console"), so stdout stays parseable and
 * their text follows the same rule: errors through errorFields (no message),
 * strings only their first line with quoted text and addresses masked, other
 * values not at all. Returns the function that restores the console.
 */
export function bridgeConsole(target: Console = console): () => void {
  const methods = ["debug", "log", "info", "warn", "error"] as const;
  const originals = methods.map((m) => [m, target[m]] as const);
  for (const method of methods) {
    const level = method === "log" ? "info" : method;
    target[method] = (...args: unknown[]) => {
      const error = args.find((a) => a instanceof Error);
      const line = maskedLine(args.map((a) => (typeof a === "string" ? a : a instanceof Error ? "" : typeof a === "number" ? String(a) : "[…]")).filter(Boolean).join(" "));
      log[level]({ event: "console", line, ...(error ? { error: errorFields(error) } : {}) }, "Ausgabe einer Bibliothek");
    };
  }
  return () => {
    for (const [m, fn] of originals) target[m] = fn;
  };
}
