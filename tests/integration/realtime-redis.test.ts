import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { getSection } from "@/db/queries/sections";
import { createConcept } from "@/lib/concepts/create";
import { flushConcept } from "@/lib/realtime/store";
import { makeMunicipality } from "../support/fixtures";
import { connect, sessionCookie, startRealtimeServer, waitFor, type Client } from "../support/realtime";

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
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await first?.stop();
    await second?.stop();
    await closeDb();
  });

  it("two people on two processes type into the same part and see each other's text; both are stored", async () => {
    const town = await makeMunicipality("Zweiprozessstadt");
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Zwei Prozesse" });
    const part = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
    const name = `section:${part.id}`;
    const a = connect(first.url, name, { cookie: (await sessionCookie(town.editor)).cookie, origin: first.origin });
    const b = connect(second.url, name, { cookie: (await sessionCookie(town.admin)).cookie, origin: second.origin });
    clients.push(a, b);
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
});
