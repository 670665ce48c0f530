/**
 * The peer comparison against the real database: who may see it and change
 * consent, what a snapshot contains (adopted versions of consenting
 * municipalities only), consent withdrawal, the viewer left out, the
 * operator's action, and that no response names or identifies a peer.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getLatestPeerSnapshot, listSnapshotContributions, setSyntheticPeers } from "@/db/queries/peers";
import { confirmEmail, getUserByEmail } from "@/db/queries/users";
import { registerMunicipality } from "@/lib/members/service";
import { municipalities } from "@/db/schema";
import { browseLibrary, listShareableMeasures, shareMeasure, unshareMeasure } from "@/lib/peers/library";
import { changePeerConsent, comparePeers, publishPeerSnapshot, publishScheduledSnapshot, publishSnapshot, readPeerConsent } from "@/lib/peers/service";
import { changeStatus } from "@/lib/versions/service";
import { contributingTown } from "../support/peers-db";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let viewer: { town: Town; ids: Ids };
let stranger: { town: Town; ids: Ids };
const peers: Awaited<ReturnType<typeof contributingTown>>[] = [];

beforeAll(async () => {
  await setSyntheticPeers({ enabled: false });
  viewer = await populatedTown("Vergleichsstadt");
  stranger = await populatedTown("Fremdstadt");
  const db = await getDb();
  // the viewer is a Landkreis of 200.000 like the contributors below
  await db.update(municipalities).set({ kind: "county", population: 210_000 }).where(eq(municipalities.id, viewer.ids.municipalityId));
  for (let i = 0; i < 7; i++) peers.push(await contributingTown({ fields: i < 4 ? ["language", "health"] : ["language"], name: `Beitragskreis ${i}` }));
});
afterAll(() => closeDb());

const contributorsOf = async (snapshotId: string) => (await listSnapshotContributions({ snapshotId })).map((c) => c.municipalityId);

describe("publishing a snapshot", () => {
  it("publishes the schedule's snapshot once when several processes run the schedule at the same moment", async () => {
    const cutoff = new Date(Date.now() - 1000);
    const results = await Promise.all(Array.from({ length: 4 }, () => publishScheduledSnapshot({ trigger: "schedule", skipIfNewerThan: cutoff })));
    const published = results.filter((r) => r !== null);
    expect(published).toHaveLength(1);
    expect((await getLatestPeerSnapshot())!.id).toBe(published[0]!.id);
    // Later, still within the interval: nothing new; the operator's publish is not held back.
    expect(await publishScheduledSnapshot({ trigger: "schedule", skipIfNewerThan: cutoff })).toBeNull();
    expect((await publishSnapshot({ trigger: "test" })).id).not.toBe(published[0]!.id);
  });

  it("takes the adopted versions of consenting municipalities only", async () => {
    const silent = await contributingTown({ consent: false, name: "Schweigekreis" });
    const result = await publishSnapshot({ trigger: "test" });
    const ids = await contributorsOf(result.id);
    for (const p of peers) expect(ids).toContain(p.town.municipality.id);
    expect(ids).not.toContain(silent.town.municipality.id);
    expect(ids).not.toContain(viewer.ids.municipalityId); // a draft, no adopted version
    expect(result.synthetic).toBe(0);
  });

  it("takes a version adopted through the status workflow, and the latest adopted one after a Fortschreibung", async () => {
    const town = await populatedTown("Statusstadt");
    const db = await getDb();
    await db.update(municipalities).set({ kind: "county", population: 210_000 }).where(eq(municipalities.id, town.ids.municipalityId));
    await changePeerConsent(town.town.admin, { municipalityId: town.ids.municipalityId, contribute: true });
    expect(await contributorsOf((await publishSnapshot({ trigger: "test" })).id)).not.toContain(town.ids.municipalityId); // a draft only
    for (const status of ["interdepartmental", "participation", "council_proposal"]) await changeStatus(town.town.admin, { conceptId: town.ids.conceptId, status });
    await changeStatus(town.town.admin, { conceptId: town.ids.conceptId, status: "adopted", decisionDate: "2026-03-12", decisionReference: "Drucksache 2026/0815" });
    const first = await publishSnapshot({ trigger: "test" });
    const row = (await listSnapshotContributions({ snapshotId: first.id })).find((c) => c.municipalityId === town.ids.municipalityId)!;
    expect((row.metrics as { measures: number }).measures).toBe(2);
    // a new draft (Fortschreibung) does not change the contribution until it is adopted again
    await changeStatus(town.town.admin, { conceptId: town.ids.conceptId, status: "draft" });
    const again = await publishSnapshot({ trigger: "test" });
    const still = (await listSnapshotContributions({ snapshotId: again.id })).find((c) => c.municipalityId === town.ids.municipalityId)!;
    expect(still.metrics).toEqual(row.metrics);
    await changePeerConsent(town.town.admin, { municipalityId: town.ids.municipalityId, contribute: false });
  });

  it("stores metrics only: no name, no free text", async () => {
    const snap = (await getLatestPeerSnapshot())!;
    const rows = await listSnapshotContributions({ snapshotId: snap.id });
    const text = JSON.stringify(rows.map((r) => r.metrics));
    expect(text).not.toMatch(/Beitragskreis|Maßnahme|Integrationskonzept/);
  });
});

describe("the comparison", () => {
  it("every member of the municipality sees it; the own municipality is not among the peers", async () => {
    await changePeerConsent(viewer.town.admin, { municipalityId: viewer.ids.municipalityId, contribute: true });
    await publishSnapshot({ trigger: "test" });
    for (const role of ["admin", "editor", "reviewer", "viewer"] as const) {
      const cmp = await comparePeers(viewer.town[role], { conceptId: viewer.ids.conceptId, group: "own" });
      // the other county bands have no contributors here, so they are merged into one group (never shown alone)
      expect(cmp.group.label).toBe("Landkreise aller Größen");
      expect(cmp.group.n).toBe(7); // 7 contributors; the viewer's own municipality has no adopted version
    }
  });

  it("shows figures of 7 peers with their n, and marks the suppressed ones with the reason", async () => {
    const cmp = await comparePeers(viewer.town.viewer, { conceptId: viewer.ids.conceptId, group: "own" });
    const language = cmp.fields.find((f) => f.key === "language")!;
    expect(language.coverage).toMatchObject({ suppressed: false, n: 7 });
    expect(language.own).toEqual({ covered: true, measures: 2 });
    expect(cmp.updateCycle.peers).toMatchObject({ suppressed: true, reason: "too_few_peers", message: "zu wenige Vergleichskommunen" });
  });

  it("names and identifies no peer", async () => {
    const cmp = await comparePeers(viewer.town.admin, { conceptId: viewer.ids.conceptId, group: "own" });
    const text = JSON.stringify(cmp);
    for (const p of peers) {
      expect(text).not.toContain(p.town.municipality.id);
      expect(text).not.toContain(p.town.municipality.name);
      expect(text).not.toContain(p.town.municipality.ags);
      expect(text).not.toContain(p.conceptId);
    }
    expect(text).not.toMatch(/municipalityId|memberKey|"min"|"max"/);
  });

  it("is refused to another municipality (as for a missing concept) and to a signed-in stranger", async () => {
    await expect(comparePeers(stranger.town.admin, { conceptId: viewer.ids.conceptId, group: "own" })).rejects.toMatchObject({
      code: "not_found",
      message: "Nicht gefunden oder kein Zugriff.",
    });
    await expect(comparePeers(stranger.town.admin, { conceptId: "00000000-0000-4000-8000-000000000000", group: "all" })).rejects.toMatchObject({
      code: "not_found",
      message: "Nicht gefunden oder kein Zugriff.",
    });
  });

  it("leaves the viewer out when the viewer contributes", async () => {
    const member = peers[0]!;
    const cmp = await comparePeers(member.town.viewer, { conceptId: member.conceptId, group: "own" });
    expect(cmp.group.n).toBe(6);
  });
});

describe("consent", () => {
  it("only the admin reads and changes it; other municipalities get not_found", async () => {
    const p = peers[1]!;
    for (const role of ["editor", "reviewer", "viewer"] as const) {
      await expect(changePeerConsent(p.town[role], { municipalityId: p.town.municipality.id, contribute: false })).rejects.toMatchObject({ code: "forbidden" });
      await expect(readPeerConsent(p.town[role], { municipalityId: p.town.municipality.id })).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(changePeerConsent(stranger.town.admin, { municipalityId: p.town.municipality.id, contribute: false })).rejects.toMatchObject({ code: "not_found" });
    await expect(readPeerConsent(stranger.town.admin, { municipalityId: "kein-uuid" })).rejects.toMatchObject({ code: "not_found" });
    expect(await readPeerConsent(p.town.admin, { municipalityId: p.town.municipality.id })).toMatchObject({ contribute: true });
  });

  it("withdrawn, the municipality's contribution is missing from the next snapshot (and only from then on)", async () => {
    const p = peers[2]!;
    const before = (await getLatestPeerSnapshot())!;
    await changePeerConsent(p.town.admin, { municipalityId: p.town.municipality.id, contribute: false });
    expect(await readPeerConsent(p.town.admin, { municipalityId: p.town.municipality.id })).toMatchObject({ contribute: false });
    // until the next publication the published snapshot stays as it was (no live changes to difference)
    expect((await getLatestPeerSnapshot())!.id).toBe(before.id);
    const cmpBefore = await comparePeers(viewer.town.viewer, { conceptId: viewer.ids.conceptId, group: "own" });
    expect(cmpBefore.group.n).toBe(7);
    const next = await publishSnapshot({ trigger: "test" });
    expect(await contributorsOf(next.id)).not.toContain(p.town.municipality.id);
    const cmpAfter = await comparePeers(viewer.town.viewer, { conceptId: viewer.ids.conceptId, group: "own" });
    expect(cmpAfter.group.n).toBe(6);
    await changePeerConsent(p.town.admin, { municipalityId: p.town.municipality.id, contribute: true });
  });
});

describe("the operator's snapshot action", () => {
  it("is refused to everyone not named in KONZEPTWERK_OPERATORS, admins included, and to a named address not yet confirmed", async () => {
    const saved = process.env.KONZEPTWERK_OPERATORS;
    try {
      delete process.env.KONZEPTWERK_OPERATORS;
      await expect(publishPeerSnapshot(viewer.town.admin)).rejects.toMatchObject({ code: "forbidden" });
      process.env.KONZEPTWERK_OPERATORS = `betrieb@test.example, ${viewer.town.viewer.email.toUpperCase()}`;
      await expect(publishPeerSnapshot(viewer.town.admin)).rejects.toMatchObject({ code: "forbidden" });
      const result = await publishPeerSnapshot(viewer.town.viewer);
      expect(result.contributors).toBeGreaterThanOrEqual(7);

      // Anyone can register a municipality with any address: one named as the operator's but not yet claimed
      // gives no operator's rights until the address is confirmed (here as a password link or a sign-on would).
      const claimed = `betrieb-${Date.now()}@test.example`;
      process.env.KONZEPTWERK_OPERATORS = claimed;
      const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
      await registerMunicipality(
        { name: "Stadt Anmaßung", ags: `06${digits}`, kind: "town", state: "Hessen", population: 20_000, adminName: "Ina Anmaßung", adminEmail: claimed, password: "ein-sicheres-Passwort-2026" },
        { rateLimitKey: `operator-${digits}` },
      );
      const user = (await getUserByEmail({ email: claimed }))!;
      const actor = { id: user.id, email: user.email, name: user.name, sessionId: randomUUID() };
      await expect(publishPeerSnapshot(actor)).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("noch nicht bestätigt") });
      await confirmEmail({ userId: user.id }, await getDb());
      expect((await publishPeerSnapshot(actor)).contributors).toBeGreaterThanOrEqual(7);
    } finally {
      if (saved === undefined) delete process.env.KONZEPTWERK_OPERATORS;
      else process.env.KONZEPTWERK_OPERATORS = saved;
    }
  });
});

describe("the measure library", () => {
  it("refuses a text that names the municipality, a place or a person, and says what to remove", async () => {
    const measureId = viewer.ids.measureId;
    const name = viewer.town.municipality.name.split(" ")[0]!; // "Vergleichsstadt"
    await expect(
      shareMeasure(viewer.town.admin, { conceptId: viewer.ids.conceptId, measureId, title: `Sprachcafé in ${name}`, description: "Frau Keller leitet es in Flensburg." }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: "Bitte entfernen Sie vor dem Teilen: Name Ihrer Kommune „Vergleichsstadt“, Ortsname „Flensburg“, Personenname „Frau Keller“.",
    });
  });

  it("shares title and description only; others browse it by field and group, seeing no name", async () => {
    await shareMeasure(viewer.town.admin, {
      conceptId: viewer.ids.conceptId,
      measureId: viewer.ids.measureId,
      title: "Sprachcafé im Stadtteilzentrum",
      description: "Ehrenamtliche bieten Gesprächsrunden an.",
    });
    const own = await listShareableMeasures(viewer.town.admin, { conceptId: viewer.ids.conceptId });
    expect(own.find((m) => m.id === viewer.ids.measureId)?.shared).toBe(true);
    const reader = peers[3]!;
    const entries = await browseLibrary(reader.town.reviewer, { conceptId: reader.conceptId, fieldKey: "language", group: "own" });
    const entry = entries.find((e) => e.title === "Sprachcafé im Stadtteilzentrum")!;
    // named by the published group its size band lies in: here all county bands are one group, so no band is named
    expect(entry).toMatchObject({ fieldKey: "language", contributor: "ein Landkreis", description: "Ehrenamtliche bieten Gesprächsrunden an." });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(viewer.ids.municipalityId);
    expect(text).not.toContain(viewer.town.municipality.name);
    expect(text).not.toContain(viewer.ids.measureId);
    expect(await browseLibrary(reader.town.viewer, { conceptId: reader.conceptId, fieldKey: "health", group: "all" })).not.toContainEqual(entry);
    // the own municipality does not see its own entries among the peers'
    expect((await browseLibrary(viewer.town.viewer, { conceptId: viewer.ids.conceptId, group: "all" })).map((e) => e.id)).not.toContain(entry.id);
    await unshareMeasure(viewer.town.admin, { conceptId: viewer.ids.conceptId, measureId: viewer.ids.measureId });
    expect((await browseLibrary(reader.town.viewer, { conceptId: reader.conceptId, group: "all" })).map((e) => e.id)).not.toContain(entry.id);
  });

  it("cannot share another municipality's measure through the own concept", async () => {
    const other = peers[4]!;
    await expect(
      shareMeasure(other.town.admin, { conceptId: other.conceptId, measureId: viewer.ids.measureId, title: "Fremd", description: "" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
