/**
 * A part's stored Yjs state is its compacted state plus the updates logged since
 * (lib/realtime/store.ts). Folding the log in (compactSection) moves updates from
 * the log into the state; a read at the same moment must see them in one place
 * or the other, never in neither.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { appendServerUpdate } from "@/db/queries/realtime";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { compactSection, loadSectionState } from "@/lib/realtime/store";
import { docFromState, jsonFromState } from "@/lib/realtime/ydoc";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;

beforeAll(async () => {
  town = await makeMunicipality("Faltstadt");
});
afterAll(async () => {
  await closeDb();
});

it("a part read while its logged updates are folded into its state has every update (before: keystrokes vanished now and then)", async () => {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Falten" });
  const section = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
  await saveSectionText(town.editor, { conceptId: concept.id, sectionId: section.id, baseRevision: 0, content: doc(p("Start")) });
  const client = docFromState((await loadSectionState(section.id))!.updates);
  const db = await getDb();

  const torn: number[] = [];
  for (let i = 1; i <= 60; i++) {
    let update: Uint8Array | null = null;
    client.once("update", (u: Uint8Array) => (update = u));
    client.transact(() => {
      const text = (client.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length, "x");
    });
    await appendServerUpdate({ sectionId: section.id, conceptId: concept.id, userId: town.editor.id, update: update! }, db);
    // The read starts a little after the fold, at a different moment each time, to land inside it.
    const [, loaded] = await Promise.all([compactSection(section.id), new Promise((r) => setTimeout(r, i % 8)).then(() => loadSectionState(section.id))]);
    if (!JSON.stringify(jsonFromState(loaded!.updates)).includes(`"Start${"x".repeat(i)}"`)) torn.push(i);
  }
  expect(torn, "Lesevorgänge, denen Tastenanschläge fehlten").toEqual([]);
  expect(JSON.stringify(jsonFromState((await loadSectionState(section.id))!.updates))).toContain(`"Start${"x".repeat(60)}"`);
});
