/**
 * Updates that arrive while the previous ones are being stored are checked and
 * stored together (lib/realtime/server.ts, storeBatch). A bad update in such a
 * batch refuses only its own connection; everybody else's typing is stored.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { metrics } from "@/lib/ops/metrics";
import { captureLog } from "../support/log-capture";
import { loadSectionState } from "@/lib/realtime/store";
import { jsonFromState } from "@/lib/realtime/ydoc";
import { makeMunicipality } from "../support/fixtures";
import { connect, sessionCookie, startRealtimeServer, waitFor, type Client } from "../support/realtime";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let rig: Awaited<ReturnType<typeof startRealtimeServer>>;
const open: Client[] = [];

beforeAll(async () => {
  town = await makeMunicipality("Stapelstadt");
  rig = await startRealtimeServer();
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await rig.stop();
  await closeDb();
});

/** konzeptwerk_section_saves_total{via="realtime"} of this process (/api/metrics). */
const realtimeSaves = async () => (await metrics().sectionSaves.get()).values.find((v) => v.labels.via === "realtime")?.value ?? 0;

const synced = (c: Client) => waitFor(() => c.provider.isSynced && c.provider.unsyncedChanges === 0, "synchronisiert", 15_000);

it("many keystrokes at once from two people, with one forged element among them: all keystrokes are stored, only the forger is refused", async () => {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Stapel" });
  const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
  await saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p("A"), p("B")) });
  const name = `section:${mandate.id}`;
  const capture = captureLog();
  const cookies: string[] = [];
  const [anna, ben, forger] = await Promise.all(
    [town.editor, town.admin, town.editor].map(async (actor) => {
      const { cookie } = await sessionCookie(actor);
      cookies.push(cookie);
      const c = connect(rig.url, name, { cookie, origin: rig.origin });
      open.push(c);
      return c;
    }),
  );
  await Promise.all([synced(anna!), synced(ben!), synced(forger!)]);
  // Each connection's upgrade is one log line with its request id, without the session cookie.
  const upgrades = capture.events("http.upgrade");
  capture.restore();
  expect(upgrades).toHaveLength(3);
  for (const line of upgrades) expect(line).toMatchObject({ method: "GET", path: "/api/realtime", status: 101, requestId: expect.any(String) });
  for (const cookie of cookies) expect(JSON.stringify(upgrades)).not.toContain(cookie.split("=")[1]!.slice(0, 20));

  const savesBefore = await realtimeSaves();
  // 40 updates each, sent in one go: most of them wait while the first is stored, and go in as batches.
  const typeAt = (c: Client, index: number, ch: string) =>
    c.doc.transact(() => {
      const text = (c.doc.getXmlFragment("default").get(index) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length, ch);
    });
  for (let i = 0; i < 40; i++) {
    typeAt(anna!, 0, "a");
    typeAt(ben!, 1, "b");
    if (i === 20) forger!.doc.transact(() => forger!.doc.getXmlFragment("default").insert(2, [new Y.XmlElement("script")]));
  }
  await waitFor(() => forger!.closedReasons.some((r) => r.includes("nicht gespeichert")), "Fälscher abgewiesen", 15_000);
  await Promise.all([synced(anna!), synced(ben!)]);
  expect(anna!.closedReasons).toEqual([]);
  expect(ben!.closedReasons).toEqual([]);

  const stored = JSON.stringify(jsonFromState((await loadSectionState(mandate.id))!.updates));
  expect(stored).toContain(`"A${"a".repeat(40)}"`);
  expect(stored).toContain(`"B${"b".repeat(40)}"`);
  expect(stored).not.toContain("script");
  // Each stored batch row is counted once for /api/metrics: at least one per person, at most one per keystroke.
  const saves = (await realtimeSaves()) - savesBefore;
  expect(saves).toBeGreaterThanOrEqual(2);
  expect(saves).toBeLessThanOrEqual(80);
  // Both see the other's 40 keystrokes.
  await waitFor(() => ben!.doc.getXmlFragment("default").toString().includes("a".repeat(40)), "Ben sieht Annas Text");
  await waitFor(() => anna!.doc.getXmlFragment("default").toString().includes("b".repeat(40)), "Anna sieht Bens Text");
});
