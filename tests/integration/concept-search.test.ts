/** Search within a concept: parts, sub-goals, measures and comments, each hit linking to its place; nothing a reader may not see. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { findInConcept } from "@/lib/concepts/find";
import { deleteComment, hideComment, replyToThread } from "@/lib/review/comments";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let town: Town;
let ids: Ids;
let other: Town;

beforeAll(async () => {
  ({ town, ids } = await populatedTown("Suchstadt"));
  ({ town: other } = await populatedTown("Fremdsuchstadt"));
});
afterAll(() => closeDb());

describe("searching a concept", () => {
  it("finds a part text, a measure and a sub-goal, each linking to its place on the concept page", async () => {
    const page = `/concepts/${ids.conceptId}`;
    const part = await findInConcept(town.viewer, { conceptId: ids.conceptId, query: "RAT VON suchstadt" });
    expect(part.hits).toEqual([
      {
        ref: { kind: "part", chapter: "mandate", part: "text", field: null, href: `${page}#teil-${ids.sectionId}` },
        excerpt: { before: "Der ", match: "Rat von Suchstadt", after: " hat das Konzept beauftragt." },
        matches: 1,
      },
    ]);
    const measure = await findInConcept(town.reviewer, { conceptId: ids.conceptId, query: "sprachcafé" });
    expect(measure.hits.map((h) => h.ref)).toEqual([
      { kind: "measure", field: { key: "language", title: "Sprache", custom: false }, title: "Sprachcafé im Stadtteilzentrum", code: "", href: `${page}#measures-${ids.fieldId}-${ids.measureId}` },
    ]);
    const goal = await findInConcept(town.editor, { conceptId: ids.conceptId, query: "Wartezeiten" });
    expect(goal.hits.map((h) => h.ref)).toEqual([{ kind: "subgoal", field: expect.objectContaining({ key: "language" }), href: `${page}#feld-language` }]);
  });

  it("finds comments for every reader, linking to the thread on the review page, but not deleted or hidden ones", async () => {
    const thread = `/concepts/${ids.conceptId}#thread-${ids.threadId}`;
    for (const role of ["reviewer", "viewer"] as const) {
      const found = await findInConcept(town[role], { conceptId: ids.conceptId, query: "Datum des Ratsbeschlusses" });
      expect(found.hits.map((h) => h.ref)).toEqual([{ kind: "comment", authorName: town.admin.name, threadState: "open", href: thread }]);
    }
    const reply = await replyToThread(town.reviewer, { conceptId: ids.conceptId, threadId: ids.threadId, body: "Geheimwort Quittenbaum" });
    expect((await findInConcept(town.viewer, { conceptId: ids.conceptId, query: "quittenbaum" })).hits).toHaveLength(1);
    await hideComment(town.admin, { conceptId: ids.conceptId, commentId: reply.commentId });
    expect((await findInConcept(town.viewer, { conceptId: ids.conceptId, query: "quittenbaum" })).hits).toEqual([]);
    await deleteComment(town.admin, { conceptId: ids.conceptId, commentId: ids.commentId });
    expect((await findInConcept(town.viewer, { conceptId: ids.conceptId, query: "Datum des Ratsbeschlusses" })).hits).toEqual([]);
  });

  it("refuses a query that is too short or too long without searching, and another municipality gets not_found", async () => {
    expect(await findInConcept(town.viewer, { conceptId: ids.conceptId, query: "R" })).toMatchObject({ problem: "too_short", hits: [] });
    expect(await findInConcept(town.viewer, { conceptId: ids.conceptId, query: "x".repeat(101) })).toMatchObject({ problem: "too_long", hits: [] });
    expect(await findInConcept(town.viewer, { conceptId: ids.conceptId, query: "  " })).toMatchObject({ problem: "empty", hits: [] });
    await expect(findInConcept(other.admin, { conceptId: ids.conceptId, query: "Sprachcafé" })).rejects.toMatchObject({ code: "not_found" });
  });
});
