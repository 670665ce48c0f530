import "server-only";
import { and, eq } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb, type Executor } from "@/db";
import { sections } from "@/db/schema";
import { isUuid } from "./concepts";

export async function getSection({ sectionId }: { sectionId: string }, db?: Executor) {
  if (!isUuid(sectionId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x.select().from(sections).where(eq(sections.id, sectionId)).limit(1);
  return row ?? null;
}

/** The columns a save needs to check a section, without its (possibly large) content. */
export async function getSectionMeta({ sectionId }: { sectionId: string }, db?: Executor) {
  if (!isUuid(sectionId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ id: sections.id, conceptId: sections.conceptId, revision: sections.revision, chapter: sections.chapter, part: sections.part })
    .from(sections)
    .where(eq(sections.id, sectionId))
    .limit(1);
  return row ?? null;
}

/**
 * Compare-and-set write: succeeds only when the stored revision is still the one
 * the editor started from. Returns the new row, or null on a conflict.
 */
export async function writeSectionIfRevision(
  input: { sectionId: string; baseRevision: number; content: JSONContent; textLength: number; userId: string },
  db: Executor,
) {
  const [row] = await db
    .update(sections)
    .set({
      content: input.content,
      textLength: input.textLength,
      revision: input.baseRevision + 1,
      updatedBy: input.userId,
      updatedAt: new Date(),
    })
    .where(and(eq(sections.id, input.sectionId), eq(sections.revision, input.baseRevision)))
    .returning({ id: sections.id, revision: sections.revision, updatedAt: sections.updatedAt });
  return row ?? null;
}
