/**
 * A part opened in real time for the first time gets its live state from its JSON (lib/realtime/store.ts). A
 * server-side write of its text (the PUT API, a restore, an import) landing between that read and the state's
 * insert was lost: the state came from the old text, and the next compaction wrote the old text back. Here the
 * first opening is held just before its insert while the write goes ahead as far as it can.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const hold = vi.hoisted(() => ({ gate: null as Promise<void> | null, reached: false }));
vi.mock("@/db/queries/realtime", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/realtime")>();
  return {
    ...actual,
    insertYStateIfMissing: async (...args: Parameters<typeof actual.insertYStateIfMissing>) => {
      hold.reached = true;
      if (hold.gate) await hold.gate;
      return actual.insertYStateIfMissing(...args);
    },
  };
});

import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { getSection } from "@/db/queries/sections";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { flushConcept, loadSectionState } from "@/lib/realtime/store";
import { jsonFromState } from "@/lib/realtime/ydoc";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
beforeAll(async () => {
  town = await makeMunicipality("Erstöffnungsstadt");
});
afterAll(async () => {
  await closeDb();
});

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error("die erste Öffnung kam nicht bis zum Anlegen des Zustands");
};

describe("a part's first opening and a server-side write at the same moment", () => {
  it("the written text is in the live state and stays in the stored JSON", async () => {
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Erste Öffnung" });
    const part = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
    await saveSectionText(town.editor, { conceptId: concept.id, sectionId: part.id, baseRevision: 0, content: doc(p("Alter Text.")) });
    const current = await getSection({ sectionId: part.id });

    let release = () => {};
    hold.gate = new Promise<void>((r) => (release = r));
    hold.reached = false;
    const opening = loadSectionState(part.id);
    await until(() => hold.reached);
    // The write goes as far as it can while the opening is held (without the part's lock: all the way).
    const writing = saveSectionText(town.admin, { conceptId: concept.id, sectionId: part.id, baseRevision: current!.revision, content: doc(p("Neuer Text.")) });
    await Promise.race([writing, new Promise((r) => setTimeout(r, 300))]);
    hold.gate = null;
    release();
    const [, result] = await Promise.all([opening, writing]);
    expect(result.status).toBe("saved");

    const live = JSON.stringify(jsonFromState((await loadSectionState(part.id))!.updates));
    expect(live).toContain("Neuer Text.");
    expect(live).not.toContain("Alter Text.");
    await flushConcept(concept.id);
    expect(JSON.stringify((await getSection({ sectionId: part.id }))!.content)).toContain("Neuer Text.");
  });
});
