/**
 * The reviewer's guarantee on the real-time socket (issue 13): a reviewer's
 * connection writes, but only proposals of their own. Forged raw updates that
 * change the text, accept, withdraw or re-attribute somebody else's proposal
 * are refused before they reach the shared document; honest proposals are
 * stored and reach everybody.
 */
import { describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { updateYFragment } from "@tiptap/y-tiptap";
import { getConceptTree } from "@/db/queries/concepts";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { CONCEPT_STATUSES } from "@/lib/concepts/status";
import { doc, p } from "@/lib/editor/build";
import { editorSchema } from "@/lib/editor/validate";
import { loadSectionState } from "@/lib/realtime/store";
import { FRAGMENT, jsonFromDoc, jsonFromState } from "@/lib/realtime/ydoc";
import { listSuggestions } from "@/lib/suggestions/list";
import { asProposal } from "@/lib/suggestions/propose";
import { changeStatus } from "@/lib/versions/service";
import { realtimeSuite, waitFor, type Client } from "../support/realtime";
import { closeKind } from "@/lib/realtime/close-reason";

const suite = realtimeSuite("Vorschlagsstadt");

type Actor = typeof suite.town.editor;

async function newPart(text: string) {
  const concept = await createConcept(suite.town.editor, { municipalityId: suite.town.municipality.id, title: "Vorschläge" });
  const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
  await saveSectionText(suite.town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p(text)) });
  return { concept, sectionId: mandate.id, name: `section:${mandate.id}` };
}

async function client(actor: Actor, name: string) {
  const c = await suite.client(actor, name);
  await waitFor(() => c.provider.isSynced, "synchronisiert");
  return c;
}

const stored = async (sectionId: string) => jsonFromState((await loadSectionState(sectionId))!.updates);
const settled = (c: Client) => waitFor(() => c.provider.unsyncedChanges === 0 || c.closedReasons.length > 0, "beantwortet");

/**
 * A Yjs update sent as it is over the client's socket (a hostile client need not use its own document), as a sync
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

/** Write `json` into the client's document (the smallest Yjs change), so the client sends it as its update. */
function write(c: Client, json: JSONContent) {
  const node = editorSchema().nodeFromJSON(json);
  c.doc.transact(() => updateYFragment(c.doc, c.doc.getXmlFragment(FRAGMENT), node, { mapping: new Map(), isOMark: new Map() }));
}

/** An edit made in suggest mode by `actor`, as the editor's plugin would turn it into a proposal. */
function propose(c: Client, actor: Actor, edit: (state: EditorState) => Transaction) {
  const state = EditorState.create({ doc: editorSchema().nodeFromJSON(jsonFromDoc(c.doc)) });
  write(c, state.apply(asProposal(state, edit(state), actor.id)).doc.toJSON() as JSONContent);
}

const at = (state: EditorState, text: string) => {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return found < 0;
  });
  return found;
};

/** Rewrite every text node's marks of the stored JSON (a forged change of the marks). */
function mapMarks(json: JSONContent, f: (marks: NonNullable<JSONContent["marks"]>) => JSONContent["marks"]): JSONContent {
  const walk = (n: JSONContent): JSONContent => ({ ...n, ...(n.marks ? { marks: f(n.marks) } : {}), ...(n.content ? { content: n.content.map(walk) } : {}) });
  return walk(json);
}

async function refused(c: Client, sectionId: string, before: JSONContent, reason: RegExp) {
  await waitFor(() => c.closedReasons.length > 0, "Verbindung mit Grund beendet");
  expect(c.closedReasons.join(" ")).toMatch(/^Die Änderung wurde nicht gespeichert: /);
  // The editor must not reconnect into the same refusal (components/editor/collab-section-editor.tsx).
  expect(c.closedReasons.map(closeKind)).toEqual(c.closedReasons.map(() => "refused"));
  expect(c.closedReasons.join(" ")).toMatch(reason);
  await new Promise((r) => setTimeout(r, 200));
  expect(await stored(sectionId)).toEqual(before);
}

describe("a reviewer's proposals on the socket", () => {
  it("an honest insertion and deletion (by marking) are stored and reach the editor live", async () => {
    const part = await newPart("Die Stadt fördert Sprachkurse.");
    const editor = await client(suite.town.editor, part.name);
    const reviewer = await client(suite.town.reviewer, part.name);
    expect(reviewer.scope).toBe("read-write");
    propose(reviewer, suite.town.reviewer, (s) => s.tr.insertText(" gezielt", at(s, " fördert")));
    await settled(reviewer);
    propose(reviewer, suite.town.reviewer, (s) => s.tr.delete(at(s, "Sprachkurse"), at(s, "Sprachkurse") + "Sprach".length));
    await settled(reviewer);
    expect(reviewer.closedReasons).toEqual([]);
    const list = listSuggestions(await stored(part.sectionId));
    expect(list.map((s) => [s.kind, s.author, s.inserted, s.deleted])).toEqual([
      ["insert", suite.town.reviewer.id, " gezielt", ""],
      ["delete", suite.town.reviewer.id, "", "Sprach"],
    ]);
    await waitFor(() => listSuggestions(jsonFromDoc(editor.doc)).length === 2, "die Redaktion sieht beide Vorschläge");
    // … and may withdraw a proposal of their own.
    write(reviewer, mapMarks(jsonFromDoc(reviewer.doc), (m) => m.filter((x) => x.type !== "deletion")));
    await settled(reviewer);
    expect(reviewer.closedReasons).toEqual([]);
    expect(listSuggestions(await stored(part.sectionId)).map((s) => s.kind)).toEqual(["insert"]);
  });

  it("a proposal typed key by key, each keystroke sent before the last one is acknowledged, is stored whole", async () => {
    const part = await newPart("Die Stadt fördert Sprachkurse.");
    const editor = await client(suite.town.editor, part.name);
    const reviewer = await client(suite.town.reviewer, part.name);
    // As a browser types: every keystroke builds on the one before, none waits for the server's answer.
    const words = " Auch für Eltern.";
    for (let i = 0; i < words.length; i++) {
      propose(reviewer, suite.town.reviewer, (s) => s.tr.insertText(words[i]!, s.doc.content.size - 1));
      if (i % 3 === 0) await new Promise((r) => setImmediate(r));
    }
    await settled(reviewer);
    expect(reviewer.closedReasons).toEqual([]);
    const list = listSuggestions(await stored(part.sectionId));
    expect(list.map((s) => [s.kind, s.author, s.inserted])).toEqual([["insert", suite.town.reviewer.id, words]]);
    await waitFor(() => listSuggestions(jsonFromDoc(editor.doc)).map((s) => s.inserted).join("") === words, "die Redaktion sieht den Vorschlag");
  });

  it("a reviewer's forged edit arriving together with an editor's typing: only the reviewer is refused", async () => {
    const part = await newPart("Die Stadt fördert Sprachkurse.");
    const editor = await client(suite.town.editor, part.name);
    const reviewer = await client(suite.town.reviewer, part.name);
    const honest = await client(suite.town.reviewer, part.name);
    editor.type(" Redaktion tippt.");
    write(reviewer, doc(p("Gefälscht.")));
    propose(honest, suite.town.reviewer, (s) => s.tr.insertText(" bitte", at(s, " fördert")));
    await waitFor(() => reviewer.closedReasons.length > 0, "Fälschung abgewiesen");
    await Promise.all([settled(editor), settled(honest)]);
    expect(editor.closedReasons).toEqual([]);
    expect(honest.closedReasons).toEqual([]);
    const json = await stored(part.sectionId);
    expect(JSON.stringify(json)).toContain("Redaktion tippt.");
    expect(JSON.stringify(json)).not.toContain("Gefälscht");
    expect(listSuggestions(json).map((s) => s.inserted)).toEqual([" bitte"]);
  });

  it("a reviewer's update that waits for a struct of somebody else (a gap in the editor's clock) is refused, so the editor's next keystroke cannot carry it in", async () => {
    const part = await newPart("Die Stadt fördert Sprachkurse.");
    const editor = await client(suite.town.editor, part.name);
    const reviewer = await client(suite.town.reviewer, part.name);
    // Two inserts under the editor's client id; only the second goes out: the server cannot integrate it yet.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(reviewer.doc));
    forger.clientID = editor.doc.clientID;
    const text = () => (forger.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text().insert(text().length, "!");
    const gap = Y.encodeStateVector(forger);
    text().insert(text().length, " EINGESCHMUGGELT");
    sendRaw(reviewer, part.name, Y.encodeStateAsUpdate(forger, gap));
    await waitFor(() => reviewer.closedReasons.length > 0, "Verbindung mit Grund beendet");
    expect(reviewer.closedReasons.join(" ")).toContain("Die Änderung wurde nicht gespeichert: Die Änderung baut auf einem Stand auf, den der Server nicht kennt.");
    editor.type("."); // one character: exactly the gap the forged update waits for
    await settled(editor);
    await new Promise((r) => setTimeout(r, 200));
    expect(JSON.stringify(await stored(part.sectionId))).not.toContain("EINGESCHMUGGELT");
    expect(editor.text()).not.toContain("EINGESCHMUGGELT");
  });

  it("(a) a direct edit of the text is refused and nothing is stored", async () => {
    const part = await newPart("Die Stadt fördert Sprachkurse.");
    const reviewer = await client(suite.town.reviewer, part.name);
    const before = await stored(part.sectionId);
    write(reviewer, doc(p("Die Stadt streicht Sprachkurse.")));
    await refused(reviewer, part.sectionId, before, /Im Vorschlagsmodus/);
  });

  it("(a) a direct edit sent as a \"sync reply\" (message type 4) is refused too, and no colleague receives it", async () => {
    const part = await newPart("Die Stadt fördert Sprachkurse.");
    const editor = await client(suite.town.editor, part.name);
    const reviewer = await client(suite.town.reviewer, part.name);
    const before = await stored(part.sectionId);
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(reviewer.doc));
    const known = Y.encodeStateVector(forger);
    ((forger.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "NICHT ");
    sendRaw(reviewer, part.name, Y.encodeStateAsUpdate(forger, known), 4);
    await refused(reviewer, part.sectionId, before, /Im Vorschlagsmodus/);
    expect(editor.closedReasons).toEqual([]);
    expect(editor.text()).toBe("Die Stadt fördert Sprachkurse.");
  });

  it("a proposal under somebody else's name is refused", async () => {
    const part = await newPart("Die Stadt fördert Sprachkurse.");
    const reviewer = await client(suite.town.reviewer, part.name);
    const before = await stored(part.sectionId);
    propose(reviewer, suite.town.editor, (s) => s.tr.insertText(" nicht", at(s, " fördert")));
    await refused(reviewer, part.sectionId, before, /anderen zuschreiben/);
  });

  describe("somebody else's proposal", () => {
    async function withEditorProposal() {
      const part = await newPart("Die Stadt fördert Sprachkurse.");
      const editor = await client(suite.town.editor, part.name);
      propose(editor, suite.town.editor, (s) => s.tr.insertText(" dauerhaft", at(s, " fördert")));
      await settled(editor);
      const before = await stored(part.sectionId);
      expect(listSuggestions(before)).toHaveLength(1);
      const reviewer = await client(suite.town.reviewer, part.name);
      await waitFor(() => listSuggestions(jsonFromDoc(reviewer.doc)).length === 1, "Vorschlag bei der Prüfung");
      return { part, reviewer, before };
    }

    it("(b) accepted by the reviewer (mark removed, text kept): refused", async () => {
      const { part, reviewer, before } = await withEditorProposal();
      write(reviewer, mapMarks(jsonFromDoc(reviewer.doc), (m) => m.filter((x) => x.type !== "insertion")));
      await refused(reviewer, part.sectionId, before, /Im Vorschlagsmodus/);
    });

    it("(c) removed by the reviewer (the proposed text deleted): refused", async () => {
      const { part, reviewer, before } = await withEditorProposal();
      write(reviewer, doc(p("Die Stadt fördert Sprachkurse.")));
      await refused(reviewer, part.sectionId, before, /Vorschläge anderer Personen/);
    });

    it("(d) given another author (the reviewer's own name): refused", async () => {
      const { part, reviewer, before } = await withEditorProposal();
      write(reviewer, mapMarks(jsonFromDoc(reviewer.doc), (m) => m.map((x) => (x.type === "insertion" ? { ...x, attrs: { ...x.attrs, author: suite.town.reviewer.id } } : x))));
      await refused(reviewer, part.sectionId, before, /Vorschläge anderer Personen/);
    });

    it("(d) an own proposal handed to somebody else: refused", async () => {
      const { part, reviewer } = await withEditorProposal();
      propose(reviewer, suite.town.reviewer, (s) => s.tr.insertText(" bald", at(s, " Sprachkurse")));
      await settled(reviewer);
      expect(reviewer.closedReasons).toEqual([]);
      const before = await stored(part.sectionId);
      const mine = listSuggestions(before).find((s) => s.author === suite.town.reviewer.id)!;
      write(reviewer, mapMarks(jsonFromDoc(reviewer.doc), (m) => m.map((x) => (x.attrs?.id === mine.id ? { ...x, attrs: { ...x.attrs, author: suite.town.admin.id } } : x))));
      await refused(reviewer, part.sectionId, before, /anderen zuschreiben/);
    });
  });

  it("an adopted concept is read-only for the reviewer too", async () => {
    const part = await newPart("Beschlossen.");
    for (const status of CONCEPT_STATUSES.slice(1)) {
      await changeStatus(suite.town.admin, { conceptId: part.concept.id, status, decisionDate: "2026-11-30", decisionReference: "DS 2/2026" });
    }
    const reviewer = await client(suite.town.reviewer, part.name);
    expect(reviewer.scope).toBe("readonly");
  });
});
