/**
 * "Rückgängig" after a restore (issue 15): the versions page undoes a restore
 * by restoring the version the restore kept of the draft, through the same
 * server action and its checks. The text is back as it was before the restore;
 * a reviewer and another municipality are refused and change nothing.
 * Only next-auth's cookie decoding is replaced.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "x" } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { restoreVersionAction } from "@/app/(app)/concepts/[conceptId]/versionen/actions";
import type { Actor } from "@/lib/authz/require-role";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { plainText } from "@/lib/editor/document";
import { listVersions } from "@/lib/versions/read";
import { createVersion } from "@/lib/versions/service";
import { signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let stranger: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;

const as = <T>(actor: Actor, run: () => Promise<T>) => {
  session.id = actor.sessionId;
  return run();
};
const mandate = async () => (await getConceptTree({ conceptId })).sections.find((s) => s.chapter === "mandate" && s.fieldId === null)!;
const mandateText = async () => plainText((await mandate()).content);
async function write(text: string) {
  const section = await mandate();
  await saveSectionText(town.editor, { conceptId, sectionId: section.id, baseRevision: section.revision, content: doc(p(text)) });
}

beforeAll(async () => {
  town = await makeMunicipality("Rückgängigstadt");
  stranger = await makeMunicipality("Fremdstadt");
  for (const actor of [town.editor, town.reviewer, stranger.admin]) await signIn(actor);
  conceptId = (await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Konzept zum Rückgängigmachen" })).id;
}, 120_000);
afterAll(() => closeDb());

describe("undo a restore", () => {
  let backup: number;

  it("the restore reports the version that holds the draft from before it", async () => {
    await write("Fassung des Sozialausschusses.");
    const { number: saved } = await createVersion(town.editor, { conceptId, label: "Ausschuss" });
    await write("Fassung nach der Ressortabstimmung.");
    const result = await as(town.editor, () => restoreVersionAction({ conceptId, number: saved }));
    if (!result.ok) throw new Error(result.error);
    backup = result.data.backup;
    expect(backup).toBe(saved + 1);
    expect(await mandateText()).toBe("Fassung des Sozialausschusses.");
  });

  it("a reviewer and another municipality's admin cannot undo it, and the text stays as restored", async () => {
    const versions = (await listVersions(town.editor, conceptId)).length;
    const reviewer = await as(town.reviewer, () => restoreVersionAction({ conceptId, number: backup }));
    expect(reviewer).toMatchObject({ ok: false, code: "forbidden" });
    const other = await as(stranger.admin, () => restoreVersionAction({ conceptId, number: backup }));
    expect(other).toMatchObject({ ok: false, code: "not_found" });
    expect(await mandateText()).toBe("Fassung des Sozialausschusses.");
    expect(await listVersions(town.editor, conceptId)).toHaveLength(versions);
  });

  it("the editor's undo brings the text back as it was before the restore, and keeps the undone state as a version", async () => {
    const result = await as(town.editor, () => restoreVersionAction({ conceptId, number: backup }));
    if (!result.ok) throw new Error(result.error);
    expect(await mandateText()).toBe("Fassung nach der Ressortabstimmung.");
    const [newest] = await listVersions(town.editor, conceptId);
    expect(newest).toMatchObject({ number: result.data.backup, kind: "before_restore", restoredFrom: backup });
  });
});
