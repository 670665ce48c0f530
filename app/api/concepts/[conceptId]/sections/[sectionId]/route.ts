import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/http/route";
import { saveSectionText } from "@/lib/concepts/sections";
import { AppError } from "@/lib/errors";
import { MAX_DOC_BYTES } from "@/lib/editor/validate";

/**
 * PUT { baseRevision, content } — save one rich-text part.
 * 200 { status: "saved", revision, savedAt } · 409 { status: "conflict", current } · 400/401/403/404/413 { error }
 */
export const PUT = authedRoute<{ conceptId: string; sectionId: string }>(async (req, actor, params) => {
  const body = await readJson(req, MAX_DOC_BYTES + 4096);
  if (!body || typeof body !== "object") throw new AppError("bad_request", "Die Anfrage ist unvollständig.");
  const { baseRevision, content } = body as { baseRevision?: unknown; content?: unknown };
  const result = await saveSectionText(actor, {
    conceptId: params.conceptId,
    sectionId: params.sectionId,
    baseRevision: typeof baseRevision === "number" ? baseRevision : -1,
    content,
  });
  return NextResponse.json(result, { status: result.status === "conflict" ? 409 : 200 });
});
