/**
 * Demo data: Musterstadt (kreisfreie Stadt, NRW) with admin, editor and reviewer
 * and a partly written concept; Landkreis Beispielkreis (Bayern) with its admin.
 * Applied only to an empty database.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { measures, memberships, municipalities, peerLibraryEntries, subGoals, users, type Concept } from "@/db/schema";
import { getConceptTree, insertConcept } from "@/db/queries/concepts";
import { insertVersion, setConceptStatus } from "@/db/queries/versions";
import { getStaffCostRate } from "@/db/queries/funding";
import { buildConceptSnapshot } from "@/lib/concepts/exchange";
import { snapshotHashes } from "@/lib/versions/snapshot";
import { musterstadtHistory } from "./seed-data/musterstadt-history";
import { hashPassword } from "@/lib/auth/password";
import { fieldSections } from "@/lib/concepts/blueprint";
import { textLength } from "@/lib/editor/document";
import { validateDoc } from "@/lib/editor/validate";
import { templateFor } from "@/lib/template";
import { musterstadtConcept } from "./seed-data/musterstadt";
import { setSyntheticPeers } from "@/db/queries/peers";
import { DEMO_LIBRARY_ENTRIES } from "./seed-data/peer-library";
import { bandOf } from "@/lib/peers/groups";
import { assignIndicatorIds } from "@/lib/measures/indicator-ids";
import { insertSeedReview } from "./seed-review";
import type { SeedConcept } from "./seed-data/types";

export const DEMO_USERS = [
  { email: "leitung@musterstadt.example", name: "Miriam Keller", municipality: "05999000", role: "admin" },
  { email: "redaktion@musterstadt.example", name: "Jonas Brandt", municipality: "05999000", role: "editor" },
  { email: "rat@musterstadt.example", name: "Elif Yıldız", municipality: "05999000", role: "reviewer" },
  { email: "leitung@beispielkreis.example", name: "Thomas Huber", municipality: "09999", role: "admin" },
] as const;

const DEMO_MUNICIPALITIES = [
  { name: "Musterstadt", ags: "05999000", kind: "city", state: "Nordrhein-Westfalen", population: 182_400 },
  { name: "Landkreis Beispielkreis", ags: "09999", kind: "county", state: "Bayern", population: 196_300 },
] as const;

const SEED_LOCK = 7_140_002;

export function demoPassword() {
  return process.env.DEMO_PASSWORD || "konzeptwerk";
}

/** Seed the demo data if the database has no municipality yet. Returns true when it seeded. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(municipalities);
    if (n > 0) return false;
    const towns = await tx.insert(municipalities).values([...DEMO_MUNICIPALITIES]).returning();
    const passwordHash = await hashPassword(demoPassword());
    const created = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ email: u.email, name: u.name, passwordHash })))
      .returning();
    await tx.insert(memberships).values(
      DEMO_USERS.map((u) => ({
        userId: created.find((c) => c.email === u.email)!.id,
        municipalityId: towns.find((t) => t.ags === u.municipality)!.id,
        role: u.role,
      })),
    );
    const musterstadt = towns.find((t) => t.ags === "05999000")!;
    const author = created.find((c) => c.email === "redaktion@musterstadt.example")!;
    const concept = await insertSeedConcept(tx as unknown as Db, { municipalityId: musterstadt.id, userId: author.id, seed: musterstadtConcept });
    const admin = created.find((c) => c.email === "leitung@musterstadt.example")!;
    await insertSeedHistory(tx as unknown as Db, { concept, editorId: author.id, adminId: admin.id });
    // A demo installation compares with synthetic peers (clearly labelled as such in the UI).
    await setSyntheticPeers({ enabled: true }, tx);
    const kreis = towns.find((t) => t.ags === "09999")!;
    const kreisAdmin = created.find((c) => c.email === "leitung@beispielkreis.example")!;
    await tx.insert(peerLibraryEntries).values(
      DEMO_LIBRARY_ENTRIES.map((e) => ({
        ...e,
        municipalityId: kreis.id,
        level: kreis.kind,
        band: bandOf(kreis.kind, kreis.population),
        sharedBy: kreisAdmin.id,
      })),
    );
    const reviewer = created.find((c) => c.email === "rat@musterstadt.example")!;
    await insertSeedReview(tx as unknown as Db, {
      concept,
      adminId: admin.id,
      editorId: author.id,
      reviewerId: reviewer.id,
      editorName: author.name,
      reviewerName: reviewer.name,
    });
    return true;
  });
}

function checked(doc: SeedConcept["chapters"][string]) {
  const result = validateDoc(doc);
  if (!result.ok) throw new Error(`Seed document invalid: ${result.error}`);
  return result.doc;
}

/**
 * The demo concept stays on template 1: its history (versions, review rounds)
 * was written under it, and its Fortschreibung shows the move to template 2.
 */
export const SEED_TEMPLATE_VERSION = 1;

/** Insert a seed concept: texts, fields (standard and own), sub-goals and measures. */
export async function insertSeedConcept(db: Db, input: { municipalityId: string; userId: string; seed: SeedConcept; templateVersion?: number }) {
  const { seed } = input;
  const templateVersion = input.templateVersion ?? SEED_TEMPLATE_VERSION;
  const template = templateFor(templateVersion);
  const allFields = [
    ...template.standardFields.map((f) => ({ key: f.key, title: f.title, custom: false, data: seed.fields[f.key] ?? null })),
    ...seed.customFields.map((f) => ({ key: f.key, title: f.title, custom: true, data: f })),
  ];
  const sectionRows = [
    ...template.chapters.flatMap((c) =>
      c.parts.map((p) => {
        const content = checked(seed.chapters[c.key] ?? { type: "doc", content: [{ type: "paragraph" }] });
        return { chapter: c.key, part: p.key, fieldKey: null, content, textLength: textLength(content) };
      }),
    ),
    ...allFields.flatMap((f) =>
      fieldSections(templateVersion, f.key).map((s) => {
        const source = f.data ? (s.part === "baseline" ? f.data.baseline : s.part === "goal" ? f.data.goal : s.content) : s.content;
        const content = checked(source);
        return { ...s, content, textLength: textLength(content) };
      }),
    ),
  ];
  const concept = await insertConcept(db, {
    municipalityId: input.municipalityId,
    title: seed.title,
    templateVersion,
    createdBy: input.userId,
    settings: seed.settings as Record<string, unknown>,
    fields: allFields.map(({ key, title, custom }) => ({ key, title, custom })),
    sections: sectionRows,
  });
  const fieldRows = await db.query.fields.findMany({ where: (f, { eq }) => eq(f.conceptId, concept.id) });
  for (const f of allFields) {
    if (!f.data) continue;
    const fieldId = fieldRows.find((r) => r.key === f.key)!.id;
    const goals = f.data.subGoals.length
      ? await db
          .insert(subGoals)
          .values(f.data.subGoals.map((text, i) => ({ conceptId: concept.id, municipalityId: input.municipalityId, fieldId, text, position: i })))
          .returning()
      : [];
    if (f.data.measures.length) {
      await db.insert(measures).values(
        f.data.measures.map(({ subGoalIndexes, indicators, ...m }, i) => ({
          ...m,
          indicators: assignIndicatorIds(indicators ?? []),
          description: checked(m.description),
          conceptId: concept.id,
          municipalityId: input.municipalityId,
          fieldId,
          position: i,
          subGoalIds: (subGoalIndexes ?? []).map((gi) => goals[gi]!.id),
          updatedBy: input.userId,
        })),
      );
    }
  }
  return concept;
}

/** The demo concept's earlier versions (see seed-data/musterstadt-history.ts); its status becomes the last version's. */
export async function insertSeedHistory(db: Db, input: { concept: Concept; editorId: string; adminId: string }) {
  const tree = await getConceptTree({ conceptId: input.concept.id }, db);
  const versions = musterstadtHistory(buildConceptSnapshot({ concept: input.concept, ...tree }, new Date()));
  const perFteCents = await getStaffCostRate({ municipalityId: input.concept.municipalityId }, db);
  for (const v of versions) {
    await insertVersion(
      {
        conceptId: input.concept.id,
        municipalityId: input.concept.municipalityId,
        label: () => v.label,
        kind: v.kind,
        status: v.status,
        hashes: snapshotHashes(v.snapshot),
        staffCostRate: { perFteCents },
        createdBy: v.author === "admin" ? input.adminId : input.editorId,
        createdAt: v.createdAt,
        snapshot: v.snapshot.data as unknown as Record<string, unknown>,
        ids: v.snapshot.ids,
      },
      db,
    );
  }
  await setConceptStatus({ conceptId: input.concept.id, status: versions.at(-1)!.status }, db);
}
