import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { municipalities, municipalityLogos } from "@/db/schema";

/** The municipality's name (for the PDF cover and file name); null when it does not exist. */
export async function getMunicipalityName({ municipalityId }: { municipalityId: string }, db?: Executor): Promise<string | null> {
  const x = db ?? (await getDb());
  const [row] = await x.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, municipalityId));
  return row?.name ?? null;
}

export async function getLogo({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select().from(municipalityLogos).where(eq(municipalityLogos.municipalityId, municipalityId));
  return row ?? null;
}

/** Whether a logo exists, without loading its bytes. */
export async function getLogoInfo({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ mediaType: municipalityLogos.mediaType, updatedAt: municipalityLogos.updatedAt, size: sql<number>`octet_length(${municipalityLogos.bytes})`.mapWith(Number) })
    .from(municipalityLogos)
    .where(eq(municipalityLogos.municipalityId, municipalityId));
  return row ? { mediaType: row.mediaType, updatedAt: row.updatedAt, bytes: row.size } : null;
}

export async function saveLogo(
  { municipalityId, mediaType, bytes, userId }: { municipalityId: string; mediaType: string; bytes: Buffer; userId: string },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  await x
    .insert(municipalityLogos)
    .values({ municipalityId, mediaType, bytes, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: municipalityLogos.municipalityId, set: { mediaType, bytes, updatedBy: userId, updatedAt: new Date() } });
}

/** Whether there was a logo to delete. */
export async function deleteLogo({ municipalityId }: { municipalityId: string }, db?: Executor): Promise<boolean> {
  const x = db ?? (await getDb());
  const rows = await x.delete(municipalityLogos).where(eq(municipalityLogos.municipalityId, municipalityId)).returning({ id: municipalityLogos.municipalityId });
  return rows.length > 0;
}
