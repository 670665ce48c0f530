import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/http/route";
import { decideSuggestions } from "@/lib/suggestions/service";

/**
 * The handler of …/suggestions/accept-all and …/reject-all { sectionId?, authorId? }: all open proposals of a part,
 * of one person, or of one person in a part (editors and admins; at least one of the two; checked by decideSuggestions).
 */
export function bulkDecision(decision: "accept" | "reject") {
  return authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
    const body = (await readJson(req, 4 * 1024)) as Record<string, unknown> | null;
    const scope = body && typeof body === "object" && !Array.isArray(body) ? body : {};
    const result = await decideSuggestions(actor, {
      conceptId,
      decision,
      sectionId: (scope.sectionId ?? null) as string | null,
      authorId: (scope.authorId ?? null) as string | null,
    });
    return NextResponse.json(result);
  });
}
