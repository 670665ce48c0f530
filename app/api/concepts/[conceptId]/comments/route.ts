import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/http/route";
import { createThread, listThreads } from "@/lib/review/comments";

/**
 * GET /api/concepts/:conceptId/comments — every comment thread of the concept
 * (anchor quote, section, state open/resolved, replies, authors) for any member,
 * so the review record can be archived with the council papers.
 */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const { concept, threads, tree } = await listThreads(actor, conceptId);
  const fieldTitles = new Map(tree.fields.map((f) => [f.key, f.title]));
  return NextResponse.json(
    {
      concept: { id: concept.id, title: concept.title, status: concept.status },
      exportedAt: new Date().toISOString(),
      threads: threads.map((t) => ({
        id: t.id,
        target: t.targetKind,
        chapter: t.chapter,
        field: t.fieldKey ? { key: t.fieldKey, title: fieldTitles.get(t.fieldKey) ?? t.fieldKey } : null,
        section: t.sectionId ? { id: t.sectionId, part: t.part } : null,
        measureId: t.measureId,
        suggestionId: t.suggestionId,
        anchor: t.quote === null ? null : { quote: t.quote, found: t.anchorState === "ok" },
        state: t.state,
        createdAt: t.createdAt,
        resolvedAt: t.resolvedAt,
        comments: t.comments.map((c) => ({ id: c.id, author: c.authorName, body: c.body, state: c.state, createdAt: c.createdAt, editedAt: c.editedAt })),
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});

/**
 * POST /api/concepts/:conceptId/comments {target, body} — start a thread, as the
 * review page does (target: {kind:"text", sectionId, start?, end?, quote?} |
 * {kind:"measure", measureId} | {kind:"chapter", chapter, fieldKey?} | {kind:"suggestion", sectionId, suggestionId}); 201 {threadId, commentId}.
 */
export const POST = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const body = (await readJson(req, 32 * 1024)) as Record<string, unknown> | null;
  const created = await createThread(actor, { ...(body && typeof body === "object" ? body : {}), conceptId });
  return NextResponse.json(created, { status: 201 });
});
