import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { appendClientUpdate, getYState, listYUpdates } from "@/db/queries/realtime";
import { getSection } from "@/db/queries/sections";
import { createConcept } from "@/lib/concepts/create";
import { archiveConcept, markConceptForDeletion, restoreConceptFromDeletion, unarchiveConcept } from "@/lib/concepts/lifecycle";
import { saveSectionText } from "@/lib/concepts/sections";
import { CONCEPT_STATUSES } from "@/lib/concepts/status";
import { doc, p } from "@/lib/editor/build";
import { removeMember } from "@/lib/members/service";
import { importIntoDraft } from "@/lib/import/into-draft";
import { createThread, listThreads } from "@/lib/review/comments";
import { flushConcept, loadSectionState } from "@/lib/realtime/store";
import { jsonFromState } from "@/lib/realtime/ydoc";
import { changeStatus, createVersion, restoreVersion } from "@/lib/versions/service";
import { makeMunicipality } from "../support/fixtures";
import { connect, sessionCookie, startRealtimeServer, typeInto, waitFor, type Client } from "../support/realtime";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let other: Awaited<ReturnType<typeof makeMunicipality>>;
let rig: Awaited<ReturnType<typeof startRealtimeServer>>;
const open: Client[] = [];

beforeAll(async () => {
  town = await makeMunicipality("Echtzeitstadt");
  other = await makeMunicipality("Fremdstadt");
  rig = await startRealtimeServer();
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await rig.stop();
  await closeDb();
});

async function newPart(text = "Ausgangslage.") {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Echtzeit" });
  const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
  await saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p(text)) });
  return { concept, sectionId: mandate.id, name: `section:${mandate.id}` };
}

async function client(actor: typeof town.editor | null, name: string, extra: { origin?: string } = {}) {
  const cookie = actor ? (await sessionCookie(actor)).cookie : undefined;
  const c = connect(rig.url, name, { cookie, origin: extra.origin ?? rig.origin });
  open.push(c);
  return c;
}

const synced = (c: Client) => waitFor(() => c.provider.isSynced && c.provider.unsyncedChanges === 0, "synchronisiert");
const storedText = async (sectionId: string) => JSON.stringify(jsonFromState((await loadSectionState(sectionId))!.updates));

describe("two editors in one part", () => {
  it("see each other's typing, converge, and every acknowledged keystroke is stored before the debounce", async () => {
    const part = await newPart("Start.");
    const a = await client(town.editor, part.name);
    const b = await client(town.admin, part.name);
    await Promise.all([synced(a), synced(b)]);
    expect(a.text()).toBe("Start.");
    expect(a.scope).toBe("read-write");
    a.type(" Anna");
    b.type(" Ben");
    await waitFor(() => a.text() === b.text() && a.text().includes("Anna") && a.text().includes("Ben"), "beide Texte bei beiden");
    await Promise.all([synced(a), synced(b)]);
    // Acknowledged means in the database: the log holds it even before the JSON is derived.
    expect(await storedText(part.sectionId)).toContain("Anna");
    expect(await storedText(part.sectionId)).toContain("Ben");
    await flushConcept(part.concept.id);
    const section = await getSection({ sectionId: part.sectionId });
    expect(JSON.stringify(section!.content)).toContain("Anna");
    expect(JSON.stringify(section!.content)).toContain("Ben");
    expect(section!.revision).toBeGreaterThan(1);
  });
});

describe("who may connect and write", () => {
  it("a reviewer reads live and may only propose: a direct edit is refused and changes nothing; a viewer reads only", async () => {
    const part = await newPart("Nur lesen.");
    const editor = await client(town.editor, part.name);
    const reviewer = await client(town.reviewer, part.name);
    const viewer = await client(town.viewer, part.name);
    await Promise.all([synced(editor), waitFor(() => reviewer.provider.isSynced && viewer.provider.isSynced, "Prüfung synchron")]);
    expect(reviewer.scope).toBe("read-write"); // suggest-only: lib/suggestions/guard.ts, tests/integration/suggestions-realtime.test.ts
    expect(viewer.scope).toBe("readonly");
    editor.type(" Live");
    await waitFor(() => reviewer.text() === "Nur lesen. Live", "Prüfung sieht die Änderung");
    reviewer.type(" GEFÄLSCHT"); // a raw Yjs update over the socket
    viewer.type(" AUCH GEFÄLSCHT");
    await waitFor(() => reviewer.closedReasons.length > 0, "Verbindung mit Grund beendet");
    expect(reviewer.closedReasons.join(" ")).toContain("Im Vorschlagsmodus");
    await new Promise((r) => setTimeout(r, 300));
    expect(editor.text()).toBe("Nur lesen. Live");
    expect(await storedText(part.sectionId)).not.toContain("GEFÄLSCHT");
  });

  it("another municipality, a missing session and a foreign origin are refused", async () => {
    const part = await newPart("Geheim.");
    const foreign = await client(other.admin, part.name);
    const anonymous = await client(null, part.name);
    await waitFor(() => foreign.denied !== null && anonymous.denied !== null, "abgewiesen");
    expect(foreign.text()).toBe("");
    expect(anonymous.text()).toBe("");
    // A page of another site cannot open the socket with the user's cookie (cross-site WebSocket hijacking).
    const { cookie } = await sessionCookie(town.editor);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(rig.url, { headers: { cookie, origin: "https://evil.example" } });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => undefined);
    });
    expect(status).toBe(403);
  });

  it("a member removed while connected is cut off at once and cannot write", async () => {
    const part = await newPart("Mitglied.");
    const editor = await client(town.editor, part.name);
    const watcher = await client(town.admin, part.name);
    await Promise.all([synced(editor), synced(watcher)]);
    const fresh = await makeMunicipality("Wechselstadt");
    const member = await client(fresh.editor, `section:${(await newPartIn(fresh)).sectionId}`);
    await synced(member);
    await removeMember(fresh.admin, { municipalityId: fresh.municipality.id, userId: fresh.editor.id });
    await waitFor(() => member.closedReasons.length > 0 || member.denied !== null, "Verbindung beendet");
    member.type(" nach Entfernung");
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedText(member.provider.configuration.name.slice(8))).not.toContain("nach Entfernung");
  });

  it("adoption makes every open connection read-only at once", async () => {
    const part = await newPart("Vor dem Beschluss.");
    const editor = await client(town.editor, part.name);
    await synced(editor);
    editor.type(" Letzter Satz.");
    await synced(editor);
    for (const status of CONCEPT_STATUSES.slice(1)) {
      await changeStatus(town.admin, { conceptId: part.concept.id, status, decisionDate: "2026-11-30", decisionReference: "DS 1/2026" });
    }
    await waitFor(() => editor.scope === "readonly", "nur noch lesend");
    editor.type(" Nach dem Beschluss.");
    await new Promise((r) => setTimeout(r, 300));
    const section = await getSection({ sectionId: part.sectionId });
    expect(JSON.stringify(section!.content)).toContain("Letzter Satz.");
    expect(await storedText(part.sectionId)).not.toContain("Nach dem Beschluss");
  });
});

describe("archive and deletion", () => {
  it("archiving makes open connections read-only; taking it back out makes them writable again", async () => {
    const part = await newPart("Vor dem Archiv.");
    const editor = await client(town.editor, part.name);
    await synced(editor);
    await archiveConcept(town.admin, { conceptId: part.concept.id });
    await waitFor(() => editor.scope === "readonly", "nur noch lesend");
    editor.type(" Im Archiv.");
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedText(part.sectionId)).not.toContain("Im Archiv");
    await unarchiveConcept(town.admin, { conceptId: part.concept.id });
    await waitFor(() => editor.scope === "read-write", "wieder schreibend");
  });

  it("an update that arrives after archiving or marking for deletion, before the connection is told, is not stored", async () => {
    const part = await newPart("Zwischen zwei Schritten.");
    const { sid } = await sessionCookie(town.editor);
    const append = () =>
      appendClientUpdate({ sectionId: part.sectionId, conceptId: part.concept.id, municipalityId: town.municipality.id, userId: town.editor.id, sessionId: sid, update: new Uint8Array([0, 0]) });
    expect(await append()).toBe(true);
    await archiveConcept(town.admin, { conceptId: part.concept.id });
    expect(await append()).toBe(false);
    await unarchiveConcept(town.admin, { conceptId: part.concept.id });
    expect(await append()).toBe(true);
    await markConceptForDeletion(town.admin, { conceptId: part.concept.id, confirm: "on" });
    expect(await append()).toBe(false);
  });

  it("marking for deletion closes open connections and refuses new ones until an admin restores the concept", async () => {
    const part = await newPart("Bald gelöscht.");
    const editor = await client(town.editor, part.name);
    const admin = await client(town.admin, part.name);
    await Promise.all([synced(editor), synced(admin)]);
    await markConceptForDeletion(town.admin, { conceptId: part.concept.id, confirm: "on" });
    await waitFor(() => editor.closedReasons.length > 0 && admin.closedReasons.length > 0, "Verbindungen beendet");
    expect(editor.closedReasons.join(" ")).toContain("Diesen Abschnitt gibt es nicht.");
    const late = await client(town.admin, part.name);
    await waitFor(() => late.denied !== null, "abgewiesen");
    expect(late.text()).toBe("");
    await restoreConceptFromDeletion(town.admin, { conceptId: part.concept.id });
    const again = await client(town.editor, part.name);
    await synced(again);
    expect(again.text()).toBe("Bald gelöscht.");
  });
});

async function newPartIn(t: Awaited<ReturnType<typeof makeMunicipality>>) {
  const concept = await createConcept(t.editor, { municipalityId: t.municipality.id, title: "Wechsel" });
  const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
  return { concept, sectionId: mandate.id };
}

describe("server-side writes on a live part", () => {
  it("the PUT API's text reaches open editors and merges with their typing", async () => {
    const part = await newPart("Erster Absatz.");
    const editor = await client(town.editor, part.name);
    await synced(editor);
    editor.type(" getippt");
    await synced(editor);
    await flushConcept(part.concept.id);
    const current = await getSection({ sectionId: part.sectionId });
    const result = await saveSectionText(town.admin, { conceptId: part.concept.id, sectionId: part.sectionId, baseRevision: current!.revision, content: doc(p("Erster Absatz. getippt"), p("Von der API.")) });
    expect(result.status).toBe("saved");
    await waitFor(() => editor.text() === "Erster Absatz. getippt\nVon der API.", "API-Text im Editor");
    const stale = await saveSectionText(town.admin, { conceptId: part.concept.id, sectionId: part.sectionId, baseRevision: current!.revision, content: doc(p("alt")) });
    expect(stale.status).toBe("conflict");
  });

  it("a client offline during a restore does not bring the old text back", async () => {
    const part = await newPart("Fassung eins.");
    await createVersion(town.editor, { conceptId: part.concept.id, label: "eins" });
    const online = await client(town.editor, part.name);
    const offlineDoc = new Y.Doc();
    const offline = connect(rig.url, part.name, { cookie: (await sessionCookie(town.admin)).cookie, origin: rig.origin, doc: offlineDoc });
    open.push(offline);
    await Promise.all([synced(online), synced(offline)]);
    online.type(" Fassung zwei.");
    await waitFor(() => offline.text() === "Fassung eins. Fassung zwei.", "beide haben Fassung zwei");
    await synced(online);
    offline.provider.disconnect();
    offline.socket.disconnect();
    await restoreVersion(town.editor, { conceptId: part.concept.id, number: 1 });
    await waitFor(() => online.text() === "Fassung eins.", "Wiederherstellung im offenen Editor");
    await offline.socket.connect();
    await waitFor(() => offline.text() === "Fassung eins.", "der Offline-Client übernimmt die Wiederherstellung");
    await new Promise((r) => setTimeout(r, 300));
    expect(online.text()).toBe("Fassung eins.");
  });

  it("an import into the draft reaches open editors, and a client offline during it does not bring the old text back", async () => {
    const part = await newPart("Alter Anlass.");
    const online = await client(town.editor, part.name);
    const offline = connect(rig.url, part.name, { cookie: (await sessionCookie(town.admin)).cookie, origin: rig.origin, doc: new Y.Doc() });
    open.push(offline);
    await Promise.all([synced(online), synced(offline)]);
    offline.provider.disconnect();
    offline.socket.disconnect();
    const file = new TextEncoder().encode("# Anlass und Auftrag\n\nDer Rat hat die Fortschreibung am 12. März 2026 beauftragt.\n");
    const result = await importIntoDraft(town.editor, { conceptId: part.concept.id, fileName: "fortschreibung.md", bytes: file, mapping: "auto", places: ["chapter:mandate"] });
    expect(result.kind).toBe("imported");
    const imported = "Der Rat hat die Fortschreibung am 12. März 2026 beauftragt.";
    await waitFor(() => online.text() === imported, "Import im offenen Editor");
    await offline.socket.connect();
    await waitFor(() => offline.text() === imported, "der Offline-Client übernimmt den Import");
    await new Promise((r) => setTimeout(r, 300));
    expect(online.text()).toBe(imported);
    await flushConcept(part.concept.id);
    expect(await storedText(part.sectionId)).not.toContain("Alter Anlass");
  });
});

describe("many writers and the review", () => {
  it("ten editors typing into the same part at once end with the same text, holding every word", async () => {
    const part = await newPart("Zehn.");
    const writers = await Promise.all(Array.from({ length: 10 }, (_, i) => client(i % 2 ? town.editor : town.admin, part.name)));
    await Promise.all(writers.map(synced));
    for (let round = 0; round < 5; round++) writers.forEach((w, i) => w.type(` w${i}r${round}`));
    await waitFor(() => writers.every((w) => w.text() === writers[0]!.text()) && writers.every((w) => w.provider.unsyncedChanges === 0), "alle gleich und bestätigt", 15_000);
    for (let i = 0; i < 10; i++) for (let round = 0; round < 5; round++) expect(writers[0]!.text()).toContain(`w${i}r${round}`);
    await flushConcept(part.concept.id);
    const stored = JSON.stringify((await getSection({ sectionId: part.sectionId }))!.content);
    for (let i = 0; i < 10; i++) expect(stored).toContain(`w${i}r4`);
  });

  it("a reviewer comments on words typed a moment ago, before the server's store debounce", async () => {
    const part = await newPart("Vorhanden.");
    const editor = await client(town.editor, part.name);
    await synced(editor);
    editor.type(" Gerade getippt für den Rat.");
    await synced(editor);
    const { threadId } = await createThread(town.reviewer, { conceptId: part.concept.id, target: { kind: "text", sectionId: part.sectionId, quote: "Gerade getippt" }, body: "Bitte belegen." });
    const threads = await listThreads(town.reviewer, part.concept.id);
    expect(JSON.stringify(threads)).toContain(threadId);
    expect(JSON.stringify(threads)).toContain("Gerade getippt");
  });
});

describe("validation on the socket", () => {
  it("an update the editor schema refuses closes the connection and is not stored", async () => {
    const part = await newPart("Sauber.");
    const bad = await client(town.editor, part.name);
    await synced(bad);
    bad.doc.transact(() => bad.doc.getXmlFragment("default").insert(1, [new Y.XmlElement("script")]));
    await waitFor(() => bad.closedReasons.some((r) => r.includes("nicht gespeichert")), "Verbindung mit Grund beendet");
    const fresh = await client(town.editor, part.name);
    await synced(fresh);
    expect(fresh.doc.getXmlFragment("default").toArray().some((n) => n instanceof Y.XmlElement && n.nodeName === "script")).toBe(false);
  });
});

/** Everything stored of a part: its JSON and revision, its compacted Yjs state and its update log. */
async function storedPart(sectionId: string) {
  const section = await getSection({ sectionId });
  const state = await getYState({ sectionId });
  const log = await listYUpdates({ sectionId });
  return {
    content: JSON.stringify(section!.content),
    revision: section!.revision,
    state: Buffer.from(state?.state ?? []).toString("base64"),
    log: log.map((l) => Buffer.from(l.update).toString("base64")),
  };
}

/**
 * A Yjs update sent as it is over the client's socket (a hostile client need not use the Yjs encoder), as a sync
 * message (0) or as the "sync reply" (4) that Hocuspocus applies alike.
 */
function sendRaw(c: Client, name: string, update: Uint8Array, messageType: 0 | 4 = 0) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, messageType);
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  c.socket.send(encoding.toUint8Array(encoder));
}

/** An update typed on a copy of the client's document, not applied to the client itself. */
function updateOnCopy(c: Client, change: (copy: Y.Doc) => void) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/** A link mark as the editor writes it: a format on the text, named after the mark, holding its attributes. */
function typeLink(d: Y.Doc, label: string, href: string) {
  const text = (d.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
  d.transact(() => text.insert(text.length, label, { link: { href, target: null, rel: "noopener noreferrer nofollow", class: null, title: null } }));
}

describe("hostile updates from a signed-in editor", () => {
  const hostile: [string, RegExp, (c: Client, name: string) => void][] = [
    [
      "10,000 nested quotes",
      /zu tief verschachtelt \(höchstens 12 Ebenen/,
      (c) =>
        c.doc.transact(() => {
          let parent: Y.XmlFragment | Y.XmlElement = c.doc.getXmlFragment("default");
          for (let i = 0; i < 10_000; i++) {
            const quote = new Y.XmlElement("blockquote");
            parent.insert(parent === c.doc.getXmlFragment("default") ? parent.length : 0, [quote]);
            parent = quote;
          }
          const paragraph = new Y.XmlElement("paragraph");
          parent.insert(0, [paragraph]);
          const text = new Y.XmlText();
          paragraph.insert(0, [text]);
          text.insert(0, "ganz unten");
        }),
    ],
    ["13 nested lists, one more than the editor allows", /zu tief verschachtelt/, (c) => c.doc.transact(() => nestLists(c.doc, 13))],
    ["a javascript: link", /Link „javascript:alert\(1\)“ ist nicht erlaubt/, (c) => typeLink(c.doc, " Klick", "javascript:alert(1)")],
    ["a javascript: link with a tab in its scheme", /Link „java.script:alert\(1\)“ ist nicht erlaubt/, (c) => typeLink(c.doc, " Klick", "java\tscript:alert(1)")],
    ["a NUL character in the text", /ungültige Zeichen/, (c) => c.type(" vor\u0000nach")],
    ["a lone surrogate in a link's attributes", /ungültige Zeichen/, (c) => typeLink(c.doc, " Klick", "https://example.org/\ud800")],
    [
      "a lone surrogate in the text (encoded on the wire, where the browser's encoder would have replaced it)",
      /beschädigt/,
      (c, name) => {
        // U+E000 is EE 80 80 in UTF-8; ED A0 80 would be U+D800, a lone surrogate, which UTF-8 does not allow.
        const update = updateOnCopy(c, (copy) => typeInto(copy, " \ue000"));
        const at = Buffer.from(update).indexOf(Buffer.from([0xee, 0x80, 0x80]));
        expect(at).toBeGreaterThan(0);
        update.set([0xed, 0xa0, 0x80], at);
        sendRaw(c, name, update);
      },
    ],
    [
      "a NUL character sent as a \"sync reply\" (message type 4, which Hocuspocus applies like a sync message)",
      /ungültige Zeichen/,
      (c, name) => sendRaw(c, name, updateOnCopy(c, (copy) => typeInto(copy, " vor\u0000nach")), 4),
    ],
    [
      "a stateless message for every connection of the part (message type 6, which the app never sends)",
      /Diese Art Nachricht nimmt der Server nicht an/,
      (c, name) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarString(encoder, name);
        encoding.writeVarUint(encoder, 6);
        encoding.writeVarString(encoder, "an alle");
        c.socket.send(encoding.toUint8Array(encoder));
      },
    ],
    [
      "a Yjs map outside the part's text",
      /nicht kennt/,
      (c) => c.doc.getMap("versteckt").set("daten", "x".repeat(1000)),
    ],
  ];

  it.each(hostile)("%s: refused with a German reason, nothing stored, the server serves the next client", async (_label, reason, send) => {
    const part = await newPart("Unberührt.");
    const writer = await client(town.editor, part.name);
    await synced(writer);
    const before = await storedPart(part.sectionId);
    send(writer, part.name);
    await waitFor(() => writer.closedReasons.length > 0, "Verbindung mit Grund beendet", 15_000);
    expect(writer.closedReasons.join(" ")).toMatch(/^Die Änderung wurde nicht gespeichert: /);
    expect(writer.closedReasons.join(" ")).toMatch(reason);
    await new Promise((r) => setTimeout(r, 400)); // past the store debounce
    expect(await storedPart(part.sectionId)).toEqual(before);

    // A well-behaved editor afterwards reads the untouched text and is stored as usual.
    const next = await client(town.editor, part.name);
    await synced(next);
    expect(next.text()).toBe("Unberührt.");
    next.type(" Danach.");
    await synced(next);
    await flushConcept(part.concept.id);
    expect(plainParagraphs(await getSection({ sectionId: part.sectionId }))).toBe("Unberührt. Danach.");
  });

  it("a control character the PUT API keeps (BEL) is kept the same way on the socket: one rule for rich text", async () => {
    const part = await newPart("Mit Steuerzeichen.");
    const writer = await client(town.editor, part.name);
    await synced(writer);
    writer.type(" a\u0007b");
    await synced(writer);
    expect(writer.closedReasons).toEqual([]);
    await flushConcept(part.concept.id);
    const section = await getSection({ sectionId: part.sectionId });
    expect(plainParagraphs(section)).toBe("Mit Steuerzeichen. a\u0007b");
    const put = await saveSectionText(town.editor, { conceptId: part.concept.id, sectionId: part.sectionId, baseRevision: section!.revision, content: doc(p("PUT a\u0007b")) });
    expect(put.status).toBe("saved");
  });
});

/** `levels` bullet lists inside each other as the first block of the part. */
function nestLists(d: Y.Doc, levels: number) {
  const fragment = d.getXmlFragment("default");
  let parent: Y.XmlFragment | Y.XmlElement = fragment;
  for (let i = 0; i < levels; i++) {
    const list = new Y.XmlElement("bulletList");
    parent.insert(parent === fragment ? fragment.length : parent.length, [list]);
    const item = new Y.XmlElement("listItem");
    list.insert(0, [item]);
    const paragraph = new Y.XmlElement("paragraph");
    item.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, `Ebene ${i + 1}`);
    parent = item;
  }
}

function plainParagraphs(section: Awaited<ReturnType<typeof getSection>>) {
  return (section!.content.content ?? []).map((n) => (n.content ?? []).map((t) => t.text ?? "").join("")).join("\n");
}
