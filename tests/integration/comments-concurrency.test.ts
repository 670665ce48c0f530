/**
 * Issue 18: one POST …/comments with a text anchor once answered 500. Two
 * candidates, both covered here: many threads started at once on the same
 * passage (no unique constraint, notifications and audit in the same
 * transaction), and an anchor whose 32-character context ended inside an
 * emoji — half a surrogate pair, which PostgreSQL refuses in JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { createThread, listThreads } from "@/lib/review/comments";
import { readInbox } from "@/lib/review/inbox";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let town: Town;
let ids: Ids;
// "Zitat" starts exactly 32 characters after the end of the first emoji: the stored prefix used to begin with its second half.
const TEXT = `Start 😀${"x".repeat(31)}Zitat im Text${"y".repeat(31)}🎉 Ende`;

beforeAll(async () => {
  ({ town, ids } = await populatedTown("Gleichzeitighausen"));
  const section = (await getConceptTree({ conceptId: ids.conceptId })).sections.find((s) => s.id === ids.sectionId)!;
  const saved = await saveSectionText(town.editor, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: section.revision, content: doc(p(TEXT)) });
  expect(saved.status).toBe("saved");
});
afterAll(() => closeDb());

const target = (start?: number) => ({
  kind: "text" as const,
  sectionId: ids.sectionId,
  quote: "Zitat",
  ...(start === undefined ? {} : { start, end: start + 5 }),
});

describe("comments on a passage", () => {
  it("keep an anchor whose context ends inside an emoji", async () => {
    const start = TEXT.indexOf("Zitat");
    const { threadId } = await createThread(town.reviewer, { conceptId: ids.conceptId, target: target(start), body: "Quelle?" });
    const thread = (await listThreads(town.viewer, ids.conceptId)).threads.find((t) => t.id === threadId)!;
    expect(thread).toMatchObject({ quote: "Zitat", anchorState: "ok", range: { start, end: start + 5 } });
  });

  it("20 threads started at once on the same section and quote all succeed, each with its comment and notification", async () => {
    const before = (await listThreads(town.viewer, ids.conceptId)).threads.length;
    const authors = [town.reviewer, town.admin, town.editor];
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createThread(authors[i % 3]!, {
          conceptId: ids.conceptId,
          target: target(i % 2 ? TEXT.indexOf("Zitat") : undefined),
          body: `Gleichzeitig ${i} @${town.viewer.name}`,
        }),
      ),
    );
    const failed = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failed).toEqual([]);
    const threads = (await listThreads(town.viewer, ids.conceptId)).threads;
    expect(threads.length).toBe(before + 20);
    const created = threads.filter((t) => t.comments[0]?.body.startsWith("Gleichzeitig "));
    expect(created).toHaveLength(20);
    for (const t of created) expect(t).toMatchObject({ quote: "Zitat", anchorState: "ok", state: "open" });
    const inbox = await readInbox(town.viewer, { municipalityId: ids.municipalityId });
    expect(inbox.mentions.filter((m) => created.some((t) => t.id === m.threadId))).toHaveLength(20);
  });
});
