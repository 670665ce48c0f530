/**
 * A restore or an import locks the concept and then writes its fields, parts and measures. A measure edit, a
 * part's save or a field added at the same moment must take the locks in that order too: one that locked its
 * field or part first and the concept last waited on the restore while the restore waited on it, and PostgreSQL
 * aborted one of them (deadlock, 40P01) with a generic error for its user. Only on PostgreSQL: the embedded
 * database has one connection, so its transactions never overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { lockConcept } from "@/db/queries/versions";
import { fields, sections } from "@/db/schema";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { readConcept } from "@/lib/concepts/exchange";
import { updateMeasure } from "@/lib/measures/service";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let town: Town;
let ids: Ids;
beforeAll(async () => {
  if (process.env.DATABASE_URL) ({ town, ids } = await populatedTown("Sperrstadt"));
});
afterAll(() => closeDb());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Until another connection waits for a row lock (the write beside the restore has reached one), at most 10 s. */
async function someoneWaitsForALock() {
  const db = await getDb();
  for (let i = 0; i < 200; i++) {
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if ([...rows][0]!.n > 0) return;
    await pause(50);
  }
  throw new Error("no write waited for a lock");
}

/** A restore's order: the concept, then (once `go` resolves) every field and part of it, as upsertField and the part writes do. */
async function restoreLike(go: Promise<void>) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockConcept({ conceptId: ids.conceptId }, tx);
    await go;
    await tx.select({ id: fields.id }).from(fields).where(eq(fields.conceptId, ids.conceptId)).for("update");
    await tx.select({ id: sections.id }).from(sections).where(eq(sections.conceptId, ids.conceptId)).for("update");
  });
}

describe.skipIf(!process.env.DATABASE_URL)("writes beside a restore", () => {
  it("a measure edit waits for the restore and then goes through; neither is aborted", async () => {
    const m = (await readConcept(town.editor, ids.conceptId)).fields.flatMap((f) => f.measures).find((x) => x.id === ids.measureId)!;
    const { id: _id, position: _p, revision, updatedAt: _u, ...content } = m;
    let go!: () => void;
    const restore = restoreLike(new Promise((r) => (go = r)));
    await pause(100); // the restore holds the concept
    const edit = updateMeasure(town.editor, { conceptId: ids.conceptId, measureId: m.id, baseRevision: revision, ...content, title: "Sprachcafé am Abend" } as never);
    await someoneWaitsForALock(); // the edit has begun and waits (new order: for the concept; old: for it, holding its field)
    go();
    await expect(Promise.all([restore, edit])).resolves.toBeTruthy();
    expect((await readConcept(town.editor, ids.conceptId)).fields.flatMap((f) => f.measures).find((x) => x.id === ids.measureId)!.title).toBe("Sprachcafé am Abend");
  });

  it("a part's save waits for the restore and then goes through", async () => {
    const section = (await getConceptTree({ conceptId: ids.conceptId })).sections.find((s) => s.id === ids.sectionId)!;
    let go!: () => void;
    const restore = restoreLike(new Promise((r) => (go = r)));
    await pause(100);
    const save = saveSectionText(town.editor, { conceptId: ids.conceptId, sectionId: section.id, baseRevision: section.revision, content: doc(p("Gespeichert, während wiederhergestellt wurde.")) });
    await someoneWaitsForALock();
    go();
    const [, saved] = await Promise.all([restore, save]);
    expect(saved.status).toBe("saved");
  });
});
