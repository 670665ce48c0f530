import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { log, withRequestContext } from "@/lib/log";
import { recordRequest } from "@/lib/ops/metrics";

/** An incoming X-Request-Id is kept only when it looks like an id (a proxy's), nothing that could forge log lines. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The client's (or proxy's) X-Request-Id when safe, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Pages whose path carries a secret (an invitation's or a password reset's token): the segment is replaced. */
const TOKEN_IN_PATH = /^(\/(?:einladung|passwort-neu))\/[^/]+/;

/**
 * The path of a request URL as it may be logged: without query string or
 * fragment (tokens travel in query strings) and with the token of an invitation
 * or password-reset link replaced by "[token]".
 */
export function pathOf(url: string | undefined): string {
  const raw = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  // An absolute-form request target ("GET http://host/path") carries its host: keep only the path.
  const path = raw.startsWith("/") ? raw : (/^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(raw)?.[1] ?? "/");
  return path.replace(TOKEN_IN_PATH, "$1/[token]").slice(0, 512);
}

/**
 * A WebSocket upgrade (the real-time path, lib/realtime/server.ts) does not pass
 * Next's handler: one line "http.upgrade" with its status (101 accepted, 403/404
 * refused), counted like a request. Returns the request id for the 101 answer.
 */
export function logUpgrade(req: IncomingMessage, status: number): string {
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  const method = req.method ?? "GET";
  const path = pathOf(req.url);
  recordRequest({ method, path, status });
  withRequestContext({ requestId }, () => log.info({ event: "http.upgrade", method, path, status }, "WebSocket"));
  return requestId;
}

/**
 * The custom server's frame around every HTTP request (scripts/start.ts): a request
 * id (kept or made, passed on to Next.js as X-Request-Id and returned in the
 * response header), every line logged while serving it carries the id, and one
 * line "http.request" when it is done: method, path without query, status,
 * duration. Also counts the request for /api/metrics. Nothing else of the request
 * (headers, cookies, query, body) is logged.
 */
export function serveWithRequestLog(req: IncomingMessage, res: ServerResponse, handle: () => unknown): void {
  const start = process.hrtime.bigint();
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  const method = req.method ?? "GET";
  const path = pathOf(req.url);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    // A connection closed before the answer was complete is logged with the status it had.
    const status = res.writableFinished || res.headersSent ? res.statusCode : 499;
    recordRequest({ method, path, status, seconds });
    withRequestContext({ requestId }, () =>
      log.info({ event: "http.request", method, path, status, durationMs: Math.round(seconds * 10_000) / 10, ...(res.writableFinished ? {} : { aborted: true }) }, "Anfrage"),
    );
  };
  res.once("finish", finish);
  res.once("close", finish);
  withRequestContext({ requestId }, handle);
}
