/**
 * Accepting and rejecting proposals on the server (issue 13), through the
 * route handlers: the list of open and decided proposals, the decision
 * written into the live text (open editors get it), kept and audited;
 * refusals for reviewers, viewers, other municipalities and adopted
 * concepts; adoption refused while proposals are open, with their list.
 * Only next-auth's cookie decoding is replaced; sessions are real rows.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "test" } } : null) }));

import type { JSONContent } from "@tiptap/core";
import { GET } from "@/app/api/concepts/[conceptId]/suggestions/route";
import { POST as ACCEPT } from "@/app/api/concepts/[conceptId]/suggestions/[suggestionId]/accept/route";
import { POST as REJECT } from "@/app/api/concepts/[conceptId]/suggestions/[suggestionId]/reject/route";
import { POST as ACCEPT_ALL } from "@/app/api/concepts/[conceptId]/suggestions/accept-all/route";
import { POST as REJECT_ALL } from "@/app/api/concepts/[conceptId]/suggestions/reject-all/route";
import { closeDb } from "@/db";
import { listAudit } from "@/db/queries/audit";
import { getConceptTree } from "@/db/queries/concepts";
import { getSection } from "@/db/queries/sections";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { CONCEPT_STATUSES } from "@/lib/concepts/status";
import { doc, p } from "@/lib/editor/build";
import { plainText } from "@/lib/editor/document";
import { changeStatus, createVersion, restoreVersion } from "@/lib/versions/service";
import { compareVersions } from "@/lib/versions/compare";
import { readHistory } from "@/lib/versions/read";
import { createThread, listThreads, replyToThread } from "@/lib/review/comments";
import { exportConceptPdf } from "@/lib/pdf/export";
import { execFileSync } from "node:child_process";
import { signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";
import { connect, sessionCookie, startRealtimeServer, waitFor, type Client } from "../support/realtime";

const ORIGIN = "http://localhost:3000";
let town: Awaited<ReturnType<typeof makeMunicipality>>;
let other: Awaited<ReturnType<typeof makeMunicipality>>;
type Actor = typeof town.editor;

beforeAll(async () => {
  town = await makeMunicipality("Entscheidstadt");
  other = await makeMunicipality("Nachbarstadt");
});
afterAll(() => closeDb());

const sessions = new Map<string, string>();
async function as(actor: Actor) {
  if (!sessions.has(actor.id)) sessions.set(actor.id, await signIn(actor));
  session.id = sessions.get(actor.id)!;
}
const headers = { host: "localhost:3000", origin: ORIGIN, "sec-fetch-site": "same-origin" };

async function list(actor: Actor, conceptId: string) {
  await as(actor);
  const res = await GET(new Request(`${ORIGIN}/api/concepts/${conceptId}/suggestions`, { headers }), { params: Promise.resolve({ conceptId }) });
  return { status: res.status, body: (await res.json()) as { open: Record<string, unknown>[]; decided: Record<string, unknown>[]; error?: { message: string } } };
}
async function decide(actor: Actor, conceptId: string, suggestionId: string, decision: "accept" | "reject") {
  await as(actor);
  const req = new Request(`${ORIGIN}/api/concepts/${conceptId}/suggestions/${suggestionId}/${decision}`, { method: "POST", headers });
  const res = await (decision === "accept" ? ACCEPT : REJECT)(req, { params: Promise.resolve({ conceptId, suggestionId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
}

async function decideAll(actor: Actor, conceptId: string, decision: "accept" | "reject", scope: unknown) {
  await as(actor);
  const req = new Request(`${ORIGIN}/api/concepts/${conceptId}/suggestions/${decision}-all`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(scope) });
  const res = await (decision === "accept" ? ACCEPT_ALL : REJECT_ALL)(req, { params: Promise.resolve({ conceptId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
}

const mark = (type: "insertion" | "deletion", text: string, id: string, author: string): JSONContent => ({
  type: "text",
  text,
  marks: [{ type, attrs: { id, author, at: "2026-12-01T10:00:00.000Z" } }],
});

/** A concept whose mandate text holds three proposals: the reviewer's insertion and deletion, the admin's insertion. */
async function withProposals() {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Mit Vorschlägen" });
  const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate" && s.fieldId === null)!;
  const content = doc(p("Der Rat", mark("insertion", " der Stadt", "ins1", town.reviewer.id), " hat das Konzept ", mark("deletion", "einstimmig ", "del1", town.reviewer.id), "beauftragt."), p("Es gilt fünf Jahre.", mark("insertion", " Danach wird es fortgeschrieben.", "ins2", town.admin.id)));
  const saved = await saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content });
  expect(saved.status).toBe("saved");
  return { conceptId: concept.id, sectionId: mandate.id };
}
const mandateText = async (sectionId: string) => plainText((await getSection({ sectionId }))!.content);

describe("GET /api/concepts/{id}/suggestions", () => {
  it("lists the open proposals with part, author, time, kind and texts, for every member who may read", async () => {
    const c = await withProposals();
    const { status, body } = await list(town.viewer, c.conceptId);
    expect(status).toBe(200);
    expect(body.open).toEqual([
      { id: "ins1", kind: "insert", inserted: " der Stadt", deleted: "", status: "open", part: { sectionId: c.sectionId, chapter: "mandate", part: "text", fieldKey: null, fieldTitle: null }, author: { id: town.reviewer.id, name: town.reviewer.name }, proposedAt: "2026-12-01T10:00:00.000Z" },
      expect.objectContaining({ id: "del1", kind: "delete", inserted: "", deleted: "einstimmig " }),
      expect.objectContaining({ id: "ins2", kind: "insert", author: { id: town.admin.id, name: town.admin.name } }),
    ]);
    expect(body.decided).toEqual([]);
    expect((await list(other.admin, c.conceptId)).status).toBe(404);
  });
});

describe("accept and reject", () => {
  it("accepting writes the proposal into the text as an ordinary edit, rejecting removes it; both are kept, listed and audited", async () => {
    const c = await withProposals();
    const accepted = await decide(town.editor, c.conceptId, "ins1", "accept");
    expect(accepted).toMatchObject({ status: 200, body: { id: "ins1", decision: "accepted", sectionId: c.sectionId } });
    const rejected = await decide(town.admin, c.conceptId, "del1", "reject");
    expect(rejected.status).toBe(200);
    expect(await mandateText(c.sectionId)).toBe("Der Rat der Stadt hat das Konzept einstimmig beauftragt.\nEs gilt fünf Jahre. Danach wird es fortgeschrieben.");
    const { body } = await list(town.reviewer, c.conceptId);
    expect(body.open.map((s) => s.id)).toEqual(["ins2"]);
    expect(body.decided).toEqual([
      expect.objectContaining({ id: "ins1", status: "accepted", inserted: " der Stadt", author: { id: town.reviewer.id, name: town.reviewer.name }, decidedBy: { id: town.editor.id, name: town.editor.name } }),
      expect.objectContaining({ id: "del1", status: "rejected", deleted: "einstimmig ", decidedBy: { id: town.admin.id, name: town.admin.name } }),
    ]);
    const audit = await listAudit({ municipalityId: town.municipality.id, conceptId: c.conceptId, limit: 20 });
    expect(audit.map((a) => a.action).filter((a) => a.startsWith("suggestion."))).toEqual(["suggestion.reject", "suggestion.accept"]);
    // Decided is decided: a second decision finds nothing.
    const again = await decide(town.editor, c.conceptId, "ins1", "reject");
    expect(again.status).toBe(404);
    expect(again.body.error!.message).toContain("schon jemand angenommen oder abgelehnt");
  });

  it("is refused to reviewers, viewers, another municipality (also through its own concept) and on an adopted concept; nothing changes", async () => {
    const c = await withProposals();
    const before = await mandateText(c.sectionId);
    expect((await decide(town.reviewer, c.conceptId, "ins1", "accept")).status).toBe(403);
    expect((await decide(town.viewer, c.conceptId, "ins1", "reject")).status).toBe(403);
    expect((await decide(other.admin, c.conceptId, "ins1", "accept")).status).toBe(404);
    const own = await createConcept(other.editor, { municipalityId: other.municipality.id, title: "Eigenes" });
    expect((await decide(other.admin, own.id, "ins1", "accept")).status).toBe(404);
    expect((await decide(town.editor, c.conceptId, "../../x", "accept")).status).toBe(404);
    expect(await mandateText(c.sectionId)).toBe(before);
    expect((await list(town.admin, c.conceptId)).body.open).toHaveLength(3);
  });

  it("reaches an open editor live", async () => {
    const rig = await startRealtimeServer();
    let editor: Client | null = null;
    try {
      const c = await withProposals();
      editor = connect(rig.url, `section:${c.sectionId}`, { cookie: (await sessionCookie(town.editor)).cookie, origin: rig.origin });
      await waitFor(() => editor!.provider.isSynced && editor!.text().includes("Danach"), "Editor synchron");
      expect((await decide(town.admin, c.conceptId, "ins2", "reject")).status).toBe(200);
      await waitFor(() => !editor!.text().includes("Danach"), "abgelehnter Vorschlag verschwindet im Editor");
    } finally {
      editor?.destroy();
      await rig.stop();
    }
  });
});

describe("deciding in bulk", () => {
  /** withProposals plus a reviewer's insertion in the vision part. */
  async function inTwoParts() {
    const c = await withProposals();
    const vision = (await getConceptTree({ conceptId: c.conceptId })).sections.find((s) => s.chapter === "vision" && s.fieldId === null)!;
    const saved = await saveSectionText(town.editor, { conceptId: c.conceptId, sectionId: vision.id, baseRevision: 0, content: doc(p("Vielfalt", mark("insertion", " ist unsere Stärke", "ins3", town.reviewer.id), ".")) });
    expect(saved.status).toBe("saved");
    return { ...c, visionId: vision.id };
  }
  const visionText = async (sectionId: string) => plainText((await getSection({ sectionId }))!.content);

  it("accepts all proposals of a part: the text takes them, each is kept as decided, one audit entry with the count; other parts stay open", async () => {
    const c = await inTwoParts();
    const res = await decideAll(town.editor, c.conceptId, "accept", { sectionId: c.sectionId });
    expect(res).toMatchObject({ status: 200, body: { decision: "accepted", count: 3 } });
    expect(await mandateText(c.sectionId)).toBe("Der Rat der Stadt hat das Konzept beauftragt.\nEs gilt fünf Jahre. Danach wird es fortgeschrieben.");
    const { body } = await list(town.viewer, c.conceptId);
    expect(body.open.map((s) => s.id)).toEqual(["ins3"]);
    // One transaction: the same decision time for all three.
    expect(body.decided.map((d) => [d.id, d.status]).sort()).toEqual([["del1", "accepted"], ["ins1", "accepted"], ["ins2", "accepted"]]);
    const audit = await listAudit({ municipalityId: town.municipality.id, conceptId: c.conceptId, limit: 20 });
    const bulk = audit.filter((a) => a.action.startsWith("suggestion."));
    expect(bulk).toHaveLength(1);
    expect(bulk[0]).toMatchObject({ action: "suggestion.accept_all", objectId: c.sectionId, details: expect.objectContaining({ chapter: "mandate", count: 3 }) });
    // Nothing left in that part: a second call finds nothing and changes nothing.
    const again = await decideAll(town.editor, c.conceptId, "reject", { sectionId: c.sectionId });
    expect(again.status).toBe(404);
    expect(again.body.error!.message).toContain("keine offenen Änderungsvorschläge");
  });

  it("rejects all of one person across the concept, or only in one part; another person's proposals stay", async () => {
    const c = await inTwoParts();
    const inPart = await decideAll(town.admin, c.conceptId, "reject", { sectionId: c.visionId, authorId: town.reviewer.id });
    expect(inPart).toMatchObject({ status: 200, body: { count: 1, decided: [{ id: "ins3", sectionId: c.visionId }] } });
    expect(await visionText(c.visionId)).toBe("Vielfalt.");
    expect(await mandateText(c.sectionId)).toContain("der Stadt");
    const everywhere = await decideAll(town.admin, c.conceptId, "reject", { authorId: town.reviewer.id });
    expect(everywhere).toMatchObject({ status: 200, body: { decision: "rejected", count: 2 } });
    expect(await mandateText(c.sectionId)).toBe("Der Rat hat das Konzept einstimmig beauftragt.\nEs gilt fünf Jahre. Danach wird es fortgeschrieben.");
    const { body } = await list(town.editor, c.conceptId);
    expect(body.open.map((s) => [s.id, (s.author as { id: string }).id])).toEqual([["ins2", town.admin.id]]);
    const audit = await listAudit({ municipalityId: town.municipality.id, conceptId: c.conceptId, limit: 20 });
    const entries = audit.filter((a) => a.action === "suggestion.reject_all");
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => (e.details as Record<string, unknown>).person === town.reviewer.name)).toBe(true);
  });

  it("is refused to reviewers, viewers, another municipality, without a scope, with a foreign part or a malformed id, and on an adopted concept; nothing changes", async () => {
    const c = await inTwoParts();
    const before = [await mandateText(c.sectionId), await visionText(c.visionId)];
    expect((await decideAll(town.reviewer, c.conceptId, "accept", { authorId: town.reviewer.id })).status).toBe(403);
    expect((await decideAll(town.viewer, c.conceptId, "reject", { sectionId: c.sectionId })).status).toBe(403);
    expect((await decideAll(other.admin, c.conceptId, "accept", { sectionId: c.sectionId })).status).toBe(404);
    const own = await createConcept(other.editor, { municipalityId: other.municipality.id, title: "Eigenes" });
    // The other town's own concept, naming this town's part: the part is not in that concept.
    expect((await decideAll(other.admin, own.id, "accept", { sectionId: c.sectionId })).status).toBe(404);
    const none = await decideAll(town.editor, c.conceptId, "accept", {});
    expect(none.status).toBe(400);
    expect(none.body.error!.message).toContain("Teil oder eine Person");
    expect((await decideAll(town.editor, c.conceptId, "accept", { sectionId: "../../x" })).status).toBe(400);
    expect((await decideAll(town.editor, c.conceptId, "accept", { authorId: 42 })).status).toBe(400);
    // A person without proposals: nothing to decide.
    expect((await decideAll(town.editor, c.conceptId, "accept", { authorId: town.viewer.id })).status).toBe(404);
    expect([await mandateText(c.sectionId), await visionText(c.visionId)]).toEqual(before);
    expect((await list(town.admin, c.conceptId)).body.open).toHaveLength(4);
    const audit = await listAudit({ municipalityId: town.municipality.id, conceptId: c.conceptId, limit: 20 });
    expect(audit.filter((a) => a.action.startsWith("suggestion."))).toEqual([]);
  });

  it("refuses to take another person's directly adjacent proposal along; nothing changes", async () => {
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Angrenzend" });
    const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate" && s.fieldId === null)!;
    const content = doc(p("Der Rat hat ", mark("deletion", "einstimmig ", "delA", town.reviewer.id), mark("deletion", "sofort ", "delB", town.admin.id), "beschlossen."));
    expect((await saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content })).status).toBe("saved");
    const res = await decideAll(town.editor, concept.id, "accept", { authorId: town.reviewer.id });
    expect(res.status).toBe(409);
    expect(res.body.error!.message).toContain("grenzt unmittelbar an");
    expect((await list(town.editor, concept.id)).body.open.map((s) => s.id)).toEqual(["delA", "delB"]);
    // One at a time: the earlier one would take the later one along, so it is refused; the later one first works.
    const first = await decide(town.editor, concept.id, "delA", "accept");
    expect(first.status).toBe(409);
    expect(first.body.error!.message).toBe("Direkt dahinter beginnt ein weiterer Vorschlag, der sonst mit entschieden würde. Bitte zuerst diesen späteren Vorschlag annehmen oder ablehnen.");
    expect((await list(town.editor, concept.id)).body.open.map((s) => s.id)).toEqual(["delA", "delB"]);
    expect((await decide(town.editor, concept.id, "delB", "reject")).status).toBe(200);
    expect((await decide(town.editor, concept.id, "delA", "accept")).status).toBe(200);
    expect(await mandateText(mandate.id)).toBe("Der Rat hat sofort beschlossen.");
    expect((await list(town.editor, concept.id)).body.decided.map((s) => [s.id, s.status]).sort()).toEqual([["delA", "accepted"], ["delB", "rejected"]]);
  });

  it("decides two adjacent proposals of a part together when asked for the part", async () => {
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Angrenzend zusammen" });
    const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate" && s.fieldId === null)!;
    const content = doc(p("Der Rat hat ", mark("deletion", "einstimmig ", "delA", town.reviewer.id), mark("deletion", "sofort ", "delB", town.admin.id), "beschlossen."));
    expect((await saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content })).status).toBe("saved");
    expect(await decideAll(town.editor, concept.id, "accept", { sectionId: mandate.id })).toMatchObject({ status: 200, body: { count: 2 } });
    expect(await mandateText(mandate.id)).toBe("Der Rat hat beschlossen.");
  });

  it("is refused once the concept is adopted", async () => {
    const c = await withProposals();
    expect((await decideAll(town.editor, c.conceptId, "accept", { sectionId: c.sectionId })).status).toBe(200);
    for (const status of CONCEPT_STATUSES.slice(1, -1)) await changeStatus(town.admin, { conceptId: c.conceptId, status });
    await changeStatus(town.admin, { conceptId: c.conceptId, status: "adopted", decisionDate: "2026-11-30", decisionReference: "DS 4/2026" });
    expect((await decideAll(town.editor, c.conceptId, "reject", { sectionId: c.sectionId })).status).toBe(409);
  });

  it("reaches an open editor live", async () => {
    const rig = await startRealtimeServer();
    let editor: Client | null = null;
    try {
      const c = await withProposals();
      editor = connect(rig.url, `section:${c.sectionId}`, { cookie: (await sessionCookie(town.editor)).cookie, origin: rig.origin });
      await waitFor(() => editor!.provider.isSynced && editor!.text().includes("Danach"), "Editor synchron");
      expect((await decideAll(town.admin, c.conceptId, "reject", { sectionId: c.sectionId })).status).toBe(200);
      await waitFor(() => !editor!.text().includes("Danach") && !editor!.text().includes("der Stadt"), "abgelehnte Vorschläge verschwinden im Editor");
    } finally {
      editor?.destroy();
      await rig.stop();
    }
  });
});

describe("versions and the comparison", () => {
  it("list the draft's open proposals as proposals, with their authors' names; the compared text is the text without them", async () => {
    const c = await withProposals();
    await createVersion(town.editor, { conceptId: c.conceptId, label: "Vor der Prüfung" });
    const history = await readHistory(town.viewer, c.conceptId);
    expect(history.draft.proposals).toBe(3);
    const { comparison, proposalAuthors } = await compareVersions(town.viewer, { conceptId: c.conceptId, from: 1, to: "draft" });
    const mandate = comparison.sections.find((s) => s.key.startsWith("mandate"))!;
    expect(mandate.state).toBe("unchanged");
    expect(mandate.proposals.after.map((x) => [x.id, x.inserted, x.deleted])).toEqual([
      ["ins1", " der Stadt", ""],
      ["del1", "", "einstimmig "],
      ["ins2", " Danach wird es fortgeschrieben.", ""],
    ]);
    expect(proposalAuthors).toEqual({ [town.reviewer.id]: town.reviewer.name, [town.admin.id]: town.admin.name });
    // Accepting one turns it into a change of the text, and it is no longer a proposal.
    expect((await decide(town.editor, c.conceptId, "ins1", "accept")).status).toBe(200);
    const after = (await compareVersions(town.viewer, { conceptId: c.conceptId, from: 1, to: "draft" })).comparison.sections.find((s) => s.key.startsWith("mandate"))!;
    expect(after.state).toBe("changed");
    expect(after.diff.changes.map((x) => x.inserted).join("|")).toContain("der Stadt");
    expect(after.proposals.after.map((x) => x.id)).toEqual(["del1", "ins2"]);
    expect((await readHistory(town.viewer, c.conceptId)).draft.proposals).toBe(2);
  });

  it("a restore of a version from before a decision brings the text back, not the decided proposal as open again", async () => {
    const c = await withProposals();
    await createVersion(town.editor, { conceptId: c.conceptId, label: "Mit drei offenen Vorschlägen" });
    expect((await decide(town.editor, c.conceptId, "ins1", "accept")).status).toBe(200);
    expect((await decide(town.editor, c.conceptId, "del1", "reject")).status).toBe(200);
    await restoreVersion(town.editor, { conceptId: c.conceptId, number: 1 });
    const { body } = await list(town.viewer, c.conceptId);
    // Only the undecided one is open; the two decided ones are listed once, as decided.
    expect(body.open.map((s) => s.id)).toEqual(["ins2"]);
    expect(body.decided.map((s) => [s.id, s.status])).toEqual([
      ["ins1", "accepted"],
      ["del1", "rejected"],
    ]);
    // The text is the version's as it was without them: neither the accepted insertion nor the deletion applied.
    expect(await mandateText(c.sectionId)).toBe("Der Rat hat das Konzept einstimmig beauftragt.\nEs gilt fünf Jahre. Danach wird es fortgeschrieben.");
  });
});

describe("answering a proposal before it is decided", () => {
  it("a reviewer answers, the editor replies; the thread names the proposal; refused for unknown or decided proposals, viewers and strangers", async () => {
    const c = await withProposals();
    const target = { kind: "suggestion", sectionId: c.sectionId, suggestionId: "ins1" };
    const { threadId } = await createThread(town.reviewer, { conceptId: c.conceptId, target, body: "Warum „der Stadt“?" });
    await replyToThread(town.editor, { conceptId: c.conceptId, threadId, body: "Weil der Rat der Stadt gemeint ist." });
    const { threads } = await listThreads(town.viewer, c.conceptId);
    const thread = threads.find((t) => t.id === threadId)!;
    expect(thread).toMatchObject({ targetKind: "suggestion", suggestionId: "ins1", sectionId: c.sectionId, chapter: "mandate", quote: null, state: "open" });
    expect(thread.comments.map((x) => [x.authorName, x.body])).toEqual([
      [town.reviewer.name, "Warum „der Stadt“?"],
      [town.editor.name, "Weil der Rat der Stadt gemeint ist."],
    ]);
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }));
    expect(await refusal(createThread(town.reviewer, { conceptId: c.conceptId, target: { ...target, suggestionId: "gibtsnicht" }, body: "?" }))).toMatchObject({ code: "not_found", message: expect.stringContaining("Änderungsvorschlag") });
    expect(await refusal(createThread(town.viewer, { conceptId: c.conceptId, target, body: "?" }))).toMatchObject({ code: "forbidden" });
    expect(await refusal(createThread(other.admin, { conceptId: c.conceptId, target, body: "?" }))).toMatchObject({ code: "not_found" });
    const own = await createConcept(other.editor, { municipalityId: other.municipality.id, title: "Fremd" });
    expect(await refusal(createThread(other.admin, { conceptId: own.id, target, body: "?" }))).toMatchObject({ code: "not_found" });
    expect(await refusal(createThread(town.reviewer, { conceptId: c.conceptId, target: { ...target, suggestionId: "../x" }, body: "?" }))).toMatchObject({ code: "bad_request" });
    // Decided: no new thread on it; the answers stay.
    expect((await decide(town.editor, c.conceptId, "ins1", "accept")).status).toBe(200);
    expect(await refusal(createThread(town.reviewer, { conceptId: c.conceptId, target, body: "Noch eine Frage" }))).toMatchObject({ code: "not_found" });
    expect((await listThreads(town.editor, c.conceptId)).threads.filter((t) => t.targetKind === "suggestion")).toHaveLength(1);
  });
});

describe("the PDF of a draft", () => {
  it("prints the text without open proposals; the annex lists them with place, author and texts", async () => {
    const c = await withProposals();
    const text = async (options: { suggestions?: boolean }) =>
      execFileSync("pdftotext", ["-", "-"], { input: (await exportConceptPdf(town.editor, c.conceptId, options)).pdf, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
        .replace(/[\u2066-\u2069]/g, "") // user text is bidi-isolated in the PDF
        .replace(/\s+/g, " ");
    const plain = await text({});
    expect(plain).toContain("Der Rat hat das Konzept einstimmig beauftragt.");
    expect(plain).not.toContain("der Stadt");
    expect(plain).not.toContain("Offene Änderungsvorschläge");
    const annex = await text({ suggestions: true });
    expect(annex).toContain("Anhang: Offene Änderungsvorschläge");
    expect(annex).toContain(town.reviewer.name);
    expect(annex).toContain(`Anlass und Auftrag ${town.reviewer.name} (01.12.2026) Einfügen: „ der Stadt“`);
    expect(annex).toContain("Streichen: „einstimmig “");
    expect(annex).toContain(`${town.admin.name} (01.12.2026) Einfügen: „ Danach wird es fortgeschrieben.“`);
  }, 60_000);
});

describe("adoption", () => {
  it("is refused while proposals are open, naming them; allowed once all are decided", async () => {
    const c = await withProposals();
    for (const status of CONCEPT_STATUSES.slice(1, -1)) await changeStatus(town.admin, { conceptId: c.conceptId, status });
    const adopt = () => changeStatus(town.admin, { conceptId: c.conceptId, status: "adopted", decisionDate: "2026-11-30", decisionReference: "DS 3/2026" });
    type Refusal = { code: string; message: string; details: { openSuggestions: { id: string }[] } };
    const refused = (await adopt().then(() => null, (e: unknown) => e)) as Refusal;
    expect(refused).toMatchObject({ code: "conflict", message: expect.stringContaining("solange Änderungsvorschläge offen sind (3)") });
    expect(refused.message).toContain("+ „ der Stadt“");
    expect(refused.details.openSuggestions.map((s) => s.id)).toEqual(["ins1", "del1", "ins2"]);
    for (const id of ["ins1", "del1", "ins2"]) expect((await decide(town.editor, c.conceptId, id, "accept")).status).toBe(200);
    await adopt();
    // Adopted: nothing more to decide, and the text is what was accepted.
    expect(await mandateText(c.sectionId)).toBe("Der Rat der Stadt hat das Konzept beauftragt.\nEs gilt fünf Jahre. Danach wird es fortgeschrieben.");
    expect((await decide(town.editor, c.conceptId, "ins1", "reject")).status).toBe(409);
  });
});
