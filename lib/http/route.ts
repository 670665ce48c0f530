import "server-only";
import { NextResponse } from "next/server";
import { AppError, errorBody, errorHeaders } from "@/lib/errors";
import { reportUnexpectedError } from "@/lib/error-log";
import { requireActor, type Actor } from "@/lib/auth/session";
import { isSameOriginRequest } from "@/lib/http/origin";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation";
import { requestDomainText } from "@/lib/i18n/domain-server";
import type { DomainText } from "@/lib/i18n/domain-text";

type Params = Record<string, string>;
type Ctx<P extends Params> = { params: Promise<P> };

/**
 * The frame of every route handler that needs a signed-in user: session check
 * (401), a same-origin check on writes (cookies must not be usable cross-site),
 * and AppError → JSON error with its status. Role and municipality are checked
 * by the handler through requireConcept / requireRole.
 */
export function authedRoute<P extends Params>(
  handler: (req: Request, actor: Actor, params: P) => Promise<Response>,
) {
  return async (req: Request, ctx: Ctx<P>) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
      const actor = await requireActor();
      return await handler(req, actor, await ctx.params);
    } catch (error) {
      // Pages of an English session show the message they get in English (the NEXT_LOCALE cookie); other callers get German.
      return errorResponse(error, await requestDomainText());
    }
  };
}

/** AppError → its status and message (German unless `dt` translates it; a 429 with Retry-After); anything else → a 500 whose error number is logged and shown. */
export function errorResponse(error: unknown, dt: DomainText = (text) => text) {
  if (error instanceof AppError) {
    const body = errorBody(error);
    return NextResponse.json({ error: { ...body.error, message: dt(body.error.message) } }, { status: error.status, headers: errorHeaders(error) });
  }
  const { errorId, message } = reportUnexpectedError("route", error);
  return NextResponse.json({ error: { code: "internal", message, errorId } }, { status: 500, headers: { "X-Error-Id": errorId } });
}

/** Writes only from our own pages: full origin compared, forwarded headers only from a trusted proxy (lib/http/origin.ts). */
function assertSameOrigin(req: Request) {
  if (!isSameOriginRequest(req)) throw new AppError("forbidden", "Anfrage von fremder Seite abgelehnt.");
}

/**
 * Parse a JSON body with a size limit; a clear 400/413 instead of a crash. A
 * declared length over the limit is refused before reading; a body without one
 * (chunked) is counted while it is read and refused as soon as it passes the
 * limit, so it is never held in memory whole.
 */
export async function readJson(req: Request, limitBytes: number): Promise<unknown> {
  const tooLarge = () => new AppError("too_large", `Die Anfrage ist zu groß (höchstens ${Math.round(limitBytes / 1024)} KB).`);
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > limitBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limitBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Die Anfrage enthält kein gültiges JSON.");
  }
  const unstorable = findUnstorableText(value);
  if (unstorable) throw new AppError("bad_request", `Das Feld „${unstorable}“ ${UNSTORABLE_TEXT_MESSAGE}`);
  return value;
}
