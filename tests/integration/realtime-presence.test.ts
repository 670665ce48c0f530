import { describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import { getConceptTree } from "@/db/queries/concepts";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { realtimeSuite, sendPresence, waitFor, type Client } from "../support/realtime";

// Presence (who is where, the name on a caret) is relayed by the server to everybody in the concept: what one
// browser claims about itself must be true, or a member could write under a colleague's name.

const suite = realtimeSuite("Anwesenheitsstadt");

type Actor = typeof suite.town.editor;

async function newPart() {
  const concept = await createConcept(suite.town.editor, { municipalityId: suite.town.municipality.id, title: "Anwesenheit" });
  const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
  await saveSectionText(suite.town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p("Text.")) });
  return { conceptId: concept.id, name: `section:${mandate.id}` };
}

async function client(actor: Actor, name: string) {
  const c = await suite.client(actor, name);
  await waitFor(() => c.provider.isSynced || c.scope !== null, "verbunden");
  return c;
}

/** The name `watcher` sees for `other`'s caret entry (undefined while it has none). */
const nameSeen = (watcher: Client, other: Client) => (watcher.provider.awareness!.getStates().get(other.provider.awareness!.clientID) as { user?: { name?: string } } | undefined)?.user?.name;

const settle = () => new Promise((r) => setTimeout(r, 400));

describe("presence in a part", () => {
  it("a person's own name reaches a colleague, and passing on what one heard is no offence", async () => {
    const part = await newPart();
    const a = await client(suite.town.editor, part.name);
    const b = await client(suite.town.admin, part.name);
    a.provider.setAwarenessField("user", { name: suite.town.editor.name, color: "#1f6feb", palette: 1 });
    b.provider.setAwarenessField("user", { name: suite.town.admin.name, color: "#bf3989", palette: 2 });
    await waitFor(() => nameSeen(b, a) === suite.town.editor.name && nameSeen(a, b) === suite.town.admin.name, "beide Namen bei beiden");
    // Each browser's provider sends the colleague's state back (same clock): the server lets it pass.
    await settle();
    expect(a.closedReasons).toEqual([]);
    expect(b.closedReasons).toEqual([]);
  });

  it("a colleague's name on one's own caret is refused with a German reason and never reaches anybody", async () => {
    const part = await newPart();
    const watcher = await client(suite.town.admin, part.name);
    const faker = await client(suite.town.editor, part.name);
    faker.provider.setAwarenessField("user", { name: suite.town.admin.name, color: "#1f6feb", palette: 1 });
    await waitFor(() => faker.closedReasons.length > 0, "Verbindung mit Grund beendet");
    expect(faker.closedReasons.join(" ")).toMatch(/passt nicht zu Ihrer Anmeldung\. Bitte laden Sie die Seite neu\./);
    await settle();
    expect(nameSeen(watcher, faker)).toBeUndefined();
    expect(watcher.closedReasons).toEqual([]);
  });

  it("a colleague's caret cannot be taken over: a newer state for their entry is refused, theirs stays", async () => {
    const part = await newPart();
    const owner = await client(suite.town.admin, part.name);
    const watcher = await client(suite.town.viewer, part.name);
    owner.provider.setAwarenessField("user", { name: suite.town.admin.name, color: "#bf3989", palette: 2 });
    await waitFor(() => nameSeen(watcher, owner) === suite.town.admin.name, "der Name des Kollegen");
    const thief = await client(suite.town.editor, part.name);
    const { clientID } = owner.provider.awareness!;
    const clock = owner.provider.awareness!.meta.get(clientID)!.clock;
    // under the thief's own (true) name, so only the entry's owner is wrong
    sendPresence(thief, part.name, clientID, clock + 5, { user: { name: suite.town.editor.name, color: "#000", palette: 0 } });
    await waitFor(() => thief.closedReasons.length > 0, "Verbindung mit Grund beendet");
    expect(thief.closedReasons.join(" ")).toMatch(/gehört zu einer anderen Person/);
    await settle();
    expect(nameSeen(watcher, owner)).toBe(suite.town.admin.name);
  });

  it("takes one's own entry back on a new connection while the old one still hangs (a reconnect after sleep)", async () => {
    const part = await newPart();
    const watcher = await client(suite.town.viewer, part.name);
    const old = await client(suite.town.editor, part.name);
    old.provider.setAwarenessField("user", { name: suite.town.editor.name, color: "#1f6feb", palette: 1 });
    await waitFor(() => nameSeen(watcher, old) === suite.town.editor.name, "der Name am alten Anschluss");
    const again = await client(suite.town.editor, part.name);
    const { clientID } = old.provider.awareness!;
    const clock = old.provider.awareness!.meta.get(clientID)!.clock;
    sendPresence(again, part.name, clientID, clock + 1, { user: { name: suite.town.editor.name, color: "#1f6feb", palette: 3 } });
    await waitFor(() => (watcher.provider.awareness!.getStates().get(clientID) as { user?: { palette?: number } } | undefined)?.user?.palette === 3, "der neue Stand");
    expect(again.closedReasons).toEqual([]);
  });

  it("an oversized or unreadable state is refused", async () => {
    const part = await newPart();
    const big = await client(suite.town.editor, part.name);
    big.provider.setAwarenessField("user", { name: suite.town.editor.name, note: "x".repeat(5000) });
    await waitFor(() => big.closedReasons.length > 0, "Verbindung mit Grund beendet");
    expect(big.closedReasons.join(" ")).toMatch(/zu groß \(höchstens 4096 Zeichen\)/);

    const broken = await client(suite.town.editor, part.name);
    const message = encoding.createEncoder();
    encoding.writeVarString(message, part.name);
    encoding.writeVarUint(message, 1);
    encoding.writeVarUint8Array(message, new Uint8Array([5, 1])); // five entries announced, half of one there
    broken.socket.send(encoding.toUint8Array(message));
    await waitFor(() => broken.closedReasons.length > 0, "Verbindung mit Grund beendet");
    expect(broken.closedReasons.join(" ")).toMatch(/beschädigt/);
  });
});

describe("presence in the concept (who is in which part)", () => {
  it("claiming a colleague's id is refused; one's own id and name are relayed", async () => {
    const part = await newPart();
    const channel = `presence:${part.conceptId}`;
    const watcher = await client(suite.town.admin, channel);
    const honest = await client(suite.town.editor, channel);
    honest.provider.setAwarenessField("user", { id: suite.town.editor.id, name: suite.town.editor.name, color: 3, sectionId: null });
    await waitFor(() => nameSeen(watcher, honest) === suite.town.editor.name, "der eigene Name");

    const faker = await client(suite.town.editor, channel);
    faker.provider.setAwarenessField("user", { id: suite.town.admin.id, name: suite.town.editor.name, color: 3, sectionId: null });
    await waitFor(() => faker.closedReasons.length > 0, "Verbindung mit Grund beendet");
    expect(faker.closedReasons.join(" ")).toMatch(/passt nicht zu Ihrer Anmeldung/);
    await settle();
    expect(nameSeen(watcher, faker)).toBeUndefined();
    expect(honest.closedReasons).toEqual([]);
  });
});
