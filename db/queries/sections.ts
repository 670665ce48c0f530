import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { sections } from "@/db/schema";
import { isUuid } from "./concepts";

export async function getSection({ sectionId, lock = false }: { sectionId: string; lock?: boolean }, db?: Executor) {
  if (!isUuid(sectionId)) return null;
  const x = db ?? (await getDb());
  const q = x.select().from(sections).where(eq(sections.id, sectionId)).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/** The columns a save needs to check a section, without its (possibly large) content. */
export async function getSectionMeta({ sectionId }: { sectionId: string }, db?: Executor) {
  if (!isUuid(sectionId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ id: sections.id, conceptId: sections.conceptId, revision: sections.revision, chapter: sections.chapter, part: sections.part, fieldId: sections.fieldId })
    .from(sections)
    .where(eq(sections.id, sectionId))
    .limit(1);
  return row ?? null;
}
