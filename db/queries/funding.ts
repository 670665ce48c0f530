import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { municipalities } from "@/db/schema";

/** The municipality's personnel cost per VZÄ and year in cents; null: not set (the default applies). */
export async function getStaffCostRate({ municipalityId }: { municipalityId: string }, db?: Executor): Promise<number | null> {
  const x = db ?? (await getDb());
  const [row] = await x.select({ rate: municipalities.staffCostPerFteCents }).from(municipalities).where(eq(municipalities.id, municipalityId));
  return row?.rate ?? null;
}

export async function setStaffCostRate({ municipalityId, cents }: { municipalityId: string; cents: number | null }, db?: Executor) {
  const x = db ?? (await getDb());
  await x.update(municipalities).set({ staffCostPerFteCents: cents }).where(eq(municipalities.id, municipalityId));
}
