import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { getSection } from "@/db/queries/sections";
import { createConcept } from "@/lib/concepts/create";
import { flushConcept } from "@/lib/realtime/store";
import { makeMunicipality } from "../support/fixtures";
import { connect, sendPresence, sessionCookie, startRealtimeServer, waitFor, type Client } from "../support/realtime";

// The test environment moves REDIS_URL aside (tests/support/global-setup.ts); this test uses it on purpose.
const redisUrl = process.env.KONZEPTWERK_TEST_REDIS_URL;

describe.skipIf(!redisUrl)("two app processes behind one database, sharing documents through Redis", () => {
  let first: Awaited<ReturnType<typeof startRealtimeServer>>;
  let second: Awaited<ReturnType<typeof startRealtimeServer>>;
  const clients: Client[] = [];
  beforeAll(async () => {
    first = await startRealtimeServer({ redisUrl, register: false });
    second = await startRealtimeServer({ redisUrl, register: false });
  });
  /** A new concept's first part, and a way to open it as a member on one of the two processes. */
  async function newPart(townName: string, title: string) {
    const town = await makeMunicipality(townName);
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title });
    const part = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
    const name = `section:${part.id}`;
    const join = async (server: typeof first, actor: typeof town.editor) => {
      const client = connect(server.url, name, { cookie: (await sessionCookie(actor)).cookie, origin: server.origin });
      clients.push(client);
      return client;
    };
    return { town, concept, part, name, join };
  }
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await first?.stop();
    await second?.stop();
    await closeDb();
  });

  it("two people on two processes type into the same part and see each other's text; both are stored", async () => {
    const { town, concept, part, join } = await newPart("Zweiprozessstadt", "Zwei Prozesse");
    const a = await join(first, town.editor);
    const b = await join(second, town.admin);
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, "beide synchron");
    a.type("Vom ersten Prozess.");
    await waitFor(() => b.text().includes("Vom ersten Prozess."), "Text des ersten Prozesses beim zweiten");
    b.type(" Vom zweiten Prozess.");
    await waitFor(() => a.text().includes("Vom zweiten Prozess."), "Text des zweiten Prozesses beim ersten");
    expect(a.text()).toBe(b.text());
    await waitFor(() => a.provider.unsyncedChanges === 0 && b.provider.unsyncedChanges === 0, "alles bestätigt");
    await flushConcept(concept.id);
    const stored = JSON.stringify((await getSection({ sectionId: part.id }))!.content);
    expect(stored).toContain("Vom ersten Prozess.");
    expect(stored).toContain("Vom zweiten Prozess.");
  });

  it("a caret on one process cannot be taken over from the other", async () => {
    const { town, name, join } = await newPart("Zweiprozessanwesenheit", "Anwesenheit über Redis");
    const owner = await join(first, town.admin);
    const watcher = await join(second, town.viewer);
    const thief = await join(second, town.editor);
    await waitFor(() => owner.provider.isSynced && watcher.provider.isSynced && thief.provider.isSynced, "alle synchron");
    owner.provider.setAwarenessField("user", { name: town.admin.name, color: "#bf3989", palette: 2 });
    const { clientID } = owner.provider.awareness!;
    const seenByWatcher = () => (watcher.provider.awareness!.getStates().get(clientID) as { user?: { name?: string } } | undefined)?.user?.name;
    await waitFor(() => seenByWatcher() === town.admin.name, "der Name über Redis beim anderen Prozess");
    const clock = owner.provider.awareness!.meta.get(clientID)!.clock;
    sendPresence(thief, name, clientID, clock + 5, { user: { name: town.editor.name, color: "#000", palette: 0 } });
    await waitFor(() => thief.closedReasons.length > 0, "Verbindung mit Grund beendet");
    expect(thief.closedReasons.join(" ")).toMatch(/gehört zu einer anderen Person/);
    await new Promise((r) => setTimeout(r, 400));
    expect(seenByWatcher()).toBe(town.admin.name);
  });
});
