import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { DEMO_CONCEPT_TITLE } from "./pages/concept";

/**
 * Every server action is a public HTTP endpoint. This test reads the build's
 * list of server actions and calls each one directly, the way a forged request
 * would, with Musterstadt's ids: as the admin of another municipality, as
 * Musterstadt's reviewer, and signed out. Nothing of Musterstadt may change.
 */

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };

const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;

/** Actions that need no session by design: signing in, registering, accepting an invitation, the language cookie, signing out. */
const PUBLIC = new Set(["login", "registerMunicipalityAction", "acceptInvitationAction", "setLocaleAction", "logout", "switchMunicipality", "ssoSignIn", "requestResetAction", "resetPasswordAction"]);

type Ids = {
  municipalityId: string;
  conceptId: string;
  fieldId: string;
  customFieldId: string;
  measureId: string;
  measureRevision: number;
  subGoalId: string;
  userId: string;
  invitationId: string;
  backup: string;
  sectionId: string;
  threadId: string;
  /** a comment by the editor (not the reviewer's own) */
  commentId: string;
  roundId: string;
  findingKey: string;
  /** the first measure's first indicator (monitoring) */
  indicatorId: string;
};

type Call = { form?: Record<string, string>; json?: unknown[]; file?: string; fileName?: string };

/**
 * What a reviewer may do by design (DESIGN.md: comment, answer review rounds,
 * read their own notifications): such a forged call from Musterstadt's reviewer
 * may succeed; the concept's content must stay unchanged all the same.
 */
const REVIEWER_MAY = new Set(["createThreadAction", "replyAction", "setThreadStateAction", "answerRoundAction", "markNotificationsReadAction", "mentionCandidatesAction"]);
/** Change only the caller's own settings (no municipality, no id to forge): every signed-in caller may, nobody signed out. */
const OWN_SETTINGS = new Set(["mailDigestAction"]);

/** Arguments a forged call would send: valid in shape, aimed at Musterstadt's objects. */
function argsFor(name: string, ids: Ids): Call {
  const c = { conceptId: ids.conceptId };
  const calls: Record<string, Call> = {
    createConceptAction: { form: { municipalityId: ids.municipalityId, title: "Fremdes Konzept" } },
    archiveConceptAction: { form: { conceptId: ids.conceptId } },
    unarchiveConceptAction: { form: { conceptId: ids.conceptId } },
    markConceptForDeletionAction: { form: { conceptId: ids.conceptId, confirm: "on" } },
    restoreConceptAction: { form: { conceptId: ids.conceptId } },
    saveSettingsAction: { json: [{ ...c, settings: { leadOffice: "Fremdes Amt" } }] },
    addFieldAction: { json: [{ ...c, title: "Fremdes Handlungsfeld" }] },
    removeFieldAction: { json: [{ ...c, fieldId: ids.customFieldId }] },
    createMeasureAction: { json: [{ ...c, fieldId: ids.fieldId, title: "Fremde Maßnahme", taskType: "voluntary" }] },
    updateMeasureAction: {
      json: [{ ...c, measureId: ids.measureId, baseRevision: ids.measureRevision, title: "Überschrieben", taskType: "voluntary" }],
    },
    deleteMeasureAction: { json: [{ ...c, measureId: ids.measureId }] },
    moveMeasureAction: { json: [{ ...c, measureId: ids.measureId, direction: "down" }] },
    addSubGoalAction: { json: [{ ...c, fieldId: ids.fieldId, text: "Fremdes Teilziel" }] },
    updateSubGoalAction: { json: [{ ...c, subGoalId: ids.subGoalId, text: "Überschrieben" }] },
    deleteSubGoalAction: { json: [{ ...c, subGoalId: ids.subGoalId }] },
    moveSubGoalAction: { json: [{ ...c, subGoalId: ids.subGoalId, direction: "down" }] },
    importConceptAction: { form: { municipalityId: ids.municipalityId }, file: ids.backup },
    // A file the draft import takes when authorised: only authorisation may stop it.
    importIntoDraftAction: { form: { conceptId: ids.conceptId, step: "import", place: "chapter:mandate" }, file: "# Anlass und Auftrag\n\nUntergeschoben.\n", fileName: "fortschreibung.md" },
    inviteMemberAction: { form: { municipalityId: ids.municipalityId, email: "fremd@evil.example", role: "admin" } },
    changeRoleAction: { form: { municipalityId: ids.municipalityId, userId: ids.userId, role: "admin" } },
    removeMemberAction: { form: { municipalityId: ids.municipalityId, userId: ids.userId } },
    revokeInvitationAction: { form: { municipalityId: ids.municipalityId, invitationId: ids.invitationId } },
    // A valid SVG: only authorisation may stop it.
    uploadLogoAction: { form: { municipalityId: ids.municipalityId }, file: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>' },
    removeLogoAction: { form: { municipalityId: ids.municipalityId } },
    createVersionAction: { json: [{ ...c, label: "Fremde Version" }] },
    restoreVersionAction: { json: [{ ...c, number: 1 }] },
    changeStatusAction: { json: [{ ...c, status: "interdepartmental" }] },
    createThreadAction: { json: [{ ...c, target: { kind: "text", sectionId: ids.sectionId, quote: "Musterstadt" }, body: "Untergeschoben" }] },
    replyAction: { json: [{ ...c, threadId: ids.threadId, body: "Untergeschoben" }] },
    editCommentAction: { json: [{ ...c, commentId: ids.commentId, body: "Überschrieben" }] },
    deleteCommentAction: { json: [{ ...c, commentId: ids.commentId }] },
    hideCommentAction: { json: [{ ...c, commentId: ids.commentId }] },
    setThreadStateAction: { json: [{ ...c, threadId: ids.threadId, state: "resolved" }] },
    startRoundAction: { json: [{ ...c, versionNumber: 1, title: "Fremde Runde", dueDate: "2030-01-01", reviewerIds: [ids.userId] }] },
    answerRoundAction: { json: [{ ...c, roundId: ids.roundId, target: "mandate", verdict: "approve", note: "" }] },
    closeRoundAction: { json: [{ ...c, roundId: ids.roundId }] },
    // A round nobody is in: a reviewer finishing the demo round is allowed by design and final, which would change it for the other specs.
    completeRoundAction: { json: [{ ...c, roundId: "00000000-0000-4000-8000-000000000000", verdict: "approve", note: "" }] },
    // Reads the members' names for the @ picker; the reviewer may, another municipality gets "not found".
    mentionCandidatesAction: { json: [c] },
    markNotificationsReadAction: { json: [{ municipalityId: ids.municipalityId }] },
    mailDigestAction: { json: [{ on: false }] },
    setPeerConsentAction: { form: { municipalityId: ids.municipalityId, contribute: "true" } },
    publishPeerSnapshotAction: { form: {} },
    shareMeasureAction: { form: { conceptId: ids.conceptId, measureId: ids.measureId, title: "Fremd geteilt", description: "" } },
    unshareMeasureAction: { form: { conceptId: ids.conceptId, measureId: ids.measureId } },
    // Any entry id: the concept's check (municipality, role) refuses before the entry is looked up.
    takeLibraryMeasureAction: { form: { conceptId: ids.conceptId, fieldId: ids.fieldId, entryId: "00000000-0000-4000-8000-000000000000" } },
    acknowledgeFindingAction: { form: { conceptId: ids.conceptId, findingKey: ids.findingKey, reason: "Untergeschoben" } },
    withdrawAcknowledgementAction: { form: { conceptId: ids.conceptId, findingKey: ids.findingKey } },
    markPartDoneAction: { form: { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: ids.fieldId } },
    unmarkPartDoneAction: { form: { conceptId: ids.conceptId, chapter: "mandate", part: "text" } },
    assignAction: { form: { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.fieldId, assigneeId: ids.userId, dueDate: "2030-12-31" } },
    unassignAction: { form: { conceptId: ids.conceptId, chapter: "mandate", fieldId: "" } },
    recordValueAction: { form: { conceptId: ids.conceptId, measureId: ids.measureId, indicatorId: ids.indicatorId, observedOn: "2025-12-31", value: "1", source: "Untergeschoben" } },
    // Any value id: the concept's check (municipality, role) refuses before the value is looked up.
    deleteValueAction: { form: { conceptId: ids.conceptId, valueId: "00000000-0000-4000-8000-000000000000" } },
    setYearStatusAction: { form: { conceptId: ids.conceptId, measureId: ids.measureId, year: "2025", status: "not_implemented", note: "Untergeschoben" } },
    clearYearStatusAction: { form: { conceptId: ids.conceptId, measureId: ids.measureId, year: "2025" } },
    recordKeyFigureAction: { form: { conceptId: ids.conceptId, name: "Untergeschoben", value: "1", year: "2025", source: "Untergeschoben" } },
    // Any value id: the concept's check (municipality, role) refuses before the value is looked up.
    deleteKeyFigureAction: { form: { conceptId: ids.conceptId, keyFigureId: "00000000-0000-4000-8000-000000000000" } },
    staffCostRateAction: { form: { municipalityId: ids.municipalityId, rate: "1" } },
    passwordSignInAction: { form: { municipalityId: ids.municipalityId, on: "false" } },
    ssoDomainAction: { form: { municipalityId: ids.municipalityId, domain: "fremd.example", intent: "add" } },
    groupRoleAction: { form: { municipalityId: ids.municipalityId, group: "fremde-gruppe", role: "admin" } },
    retryMailAction: { form: { municipalityId: ids.municipalityId, mailId: ids.invitationId } },
  };
  const call = calls[name];
  if (!call) throw new Error(`Kein Aufruf für die Server-Action ${name} hinterlegt: bitte im Test ergänzen.`);
  return call;
}

function pathFor(worker: string, ids: Ids) {
  return worker
    .replace(/^app/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\/page$/, "")
    .replaceAll("[conceptId]", ids.conceptId) || "/";
}

/** Call a server action over HTTP as React would: JSON arguments, or [prevState, FormData] as multipart. */
async function forge(request: APIRequestContext, baseURL: string, id: string, url: string, call: Call) {
  const headers = { "Next-Action": id, Accept: "text/x-component", Origin: baseURL };
  if (call.json) {
    return request.post(url, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(call.json), maxRedirects: 0 });
  }
  // React's encoding: the form's fields prefixed "_1_", then the root "0" last (the server decodes
  // it as a stream). A FormData keeps that order; a plain object would put the key "0" first.
  const multipart = new FormData();
  for (const [k, v] of Object.entries(call.form ?? {})) multipart.append(`_1_${k}`, v);
  if (call.file) multipart.append("_1_file", new Blob([call.file], { type: call.fileName ? "text/markdown" : "application/json" }), call.fileName ?? "sicherung.json");
  multipart.append("0", JSON.stringify([null, "$K1"]));
  return request.post(url, { headers, multipart, maxRedirects: 0 });
}

async function snapshot(owner: Page, admin: Page, conceptId: string) {
  const exported = await (await owner.request.get(`/api/concepts/${conceptId}/export`)).json();
  delete exported.exportedAt;
  const list = (await (await owner.request.get("/api/concepts")).json()).concepts.map((c: { id: string; title: string }) => `${c.id} ${c.title}`);
  const versions = (await (await owner.request.get(`/api/concepts/${conceptId}/versions`)).json()).versions;
  await admin.goto("/mitglieder");
  const members = await admin.locator("main").innerText();
  const check = await (await owner.request.get(`/api/concepts/${conceptId}/check`)).json();
  const monitoring = await (await owner.request.get(`/api/concepts/${conceptId}/monitoring`)).json();
  return { exported, list, members, versions, check, monitoring };
}

test("every server action refuses forged calls from another municipality, a reviewer and a signed-out client", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await pageAs(browser, "editor");
  const admin = await pageAs(browser, "admin");
  const { concepts } = await (await owner.request.get("/api/concepts")).json();
  // The seeded demo concept (other specs create and import concepts that may sort before it).
  const conceptId = (concepts.find((x: { title: string }) => x.title === DEMO_CONCEPT_TITLE) ?? concepts[0]).id as string;
  const tree = await (await owner.request.get(`/api/concepts/${conceptId}`)).json();
  const language = tree.fields.find((f: { key: string }) => f.key === "language");
  const custom = tree.fields.find((f: { custom: boolean }) => f.custom);
  // An open invitation, so that revoking one has a target.
  await admin.goto("/mitglieder");
  await admin.getByLabel("E-Mail-Adresse").fill("offen@musterstadt.example");
  await admin.getByRole("button", { name: "Einladung erstellen" }).click();
  await expect(admin.getByText("offen@musterstadt.example").first()).toBeVisible();
  await admin.reload();
  const html = await admin.content();
  const ids: Ids = {
    municipalityId: tree.municipalityId,
    conceptId,
    fieldId: language.id,
    customFieldId: custom.id,
    measureId: language.measures[0].id,
    measureRevision: language.measures[0].revision ?? 0,
    subGoalId: language.subGoals[0].id,
    userId: /name="userId" value="([0-9a-f-]{36})"/.exec(html)![1]!,
    invitationId: /name="invitationId" value="([0-9a-f-]{36})"/.exec(html)![1]!,
    backup: await (await owner.request.get(`/api/concepts/${conceptId}/export`)).text(),
    sectionId: "",
    threadId: "",
    commentId: "",
    roundId: "",
    findingKey: ((await (await owner.request.get(`/api/concepts/${conceptId}/check`)).json()).findings[0]?.key as string) ?? "",
    indicatorId: (language.measures[0].indicators[0]?.id as string) ?? "",
  };
  const comments = (await (await owner.request.get(`/api/concepts/${conceptId}/comments`)).json()).threads as {
    id: string;
    section: { id: string } | null;
    comments: { id: string; author: string }[];
  }[];
  const editorComment = comments.flatMap((t) => t.comments.map((c) => ({ t, c }))).find(({ c }) => c.author === "Jonas Brandt")!;
  ids.threadId = editorComment.t.id;
  ids.commentId = editorComment.c.id;
  ids.sectionId = comments.find((t) => t.section)!.section!.id;
  await admin.goto(`/concepts/${conceptId}/pruefung`);
  ids.roundId = /data-round-id="([0-9a-f-]{36})"/.exec(await admin.content())![1]!;
  expect(ids.findingKey, "the demo concept has Konzept-Check findings to forge a 'bewusst so' on").not.toBe("");
  expect(ids.indicatorId, "the demo concept's first measure has an indicator to forge an Ist-Wert on").not.toBe("");
  const before = await snapshot(owner, admin, conceptId);

  const stranger = await pageAs(browser, "otherAdmin");
  const reviewer = await pageAs(browser, "reviewer");
  const anonymous = await playwright.request.newContext({ baseURL });
  const actions = Object.entries(manifest.node).filter(([, a]) => !PUBLIC.has(a.exportedName));
  expect(actions.length).toBeGreaterThanOrEqual(17);
  for (const [id, action] of actions) {
    const url = pathFor(Object.keys(action.workers)[0]!, ids);
    for (const [who, request] of [
      ["Beispielkreis", stranger.request],
      ["Prüfung", reviewer.request],
      ["abgemeldet", anonymous],
    ] as const) {
      const res = await forge(request, baseURL!, id, url, argsFor(action.exportedName, ids));
      const body = await res.text();
      const allowed = (who === "Prüfung" && REVIEWER_MAY.has(action.exportedName)) || (who !== "abgemeldet" && OWN_SETTINGS.has(action.exportedName));
      if (!allowed) expect(body, `${action.exportedName} als ${who}`).not.toContain('"ok":true');
      expect(res.status(), `${action.exportedName} als ${who}`).toBeLessThan(500);
    }
  }
  expect(await snapshot(owner, admin, conceptId)).toEqual(before);
  // The editor's comment was neither edited, deleted nor hidden by the forged calls.
  const afterComments = (await (await owner.request.get(`/api/concepts/${conceptId}/comments`)).json()).threads as typeof comments;
  const still = afterComments.flatMap((t) => t.comments).find((c) => c.id === ids.commentId) as unknown as { body: string; state: string };
  expect(still).toMatchObject({ state: "visible", body: (editorComment.c as unknown as { body: string }).body });

  // The same forged call by Musterstadt's own admin goes through: the refusals above are authorisation, not a broken call.
  const addGoal = Object.entries(manifest.node).find(([, a]) => a.exportedName === "addSubGoalAction")!;
  const res = await forge(admin.request, baseURL!, addGoal[0], pathFor(Object.keys(addGoal[1].workers)[0]!, ids), argsFor("addSubGoalAction", ids));
  expect(await res.text()).toContain('"ok":true');
  const after = await (await owner.request.get(`/api/concepts/${conceptId}`)).json();
  expect(JSON.stringify(after.fields.find((f: { key: string }) => f.key === "language").subGoals)).toContain("Fremdes Teilziel");

  // …and so does a forged form action (FormData as multipart), so that path is exercised too.
  const invite = Object.entries(manifest.node).find(([, a]) => a.exportedName === "inviteMemberAction")!;
  const invited = await forge(admin.request, baseURL!, invite[0], "/mitglieder", {
    form: { municipalityId: ids.municipalityId, email: "kontrolle@musterstadt.example", role: "viewer" },
  });
  expect(await invited.text()).toContain('"ok":true');
  await admin.goto("/mitglieder");
  await expect(admin.getByText("kontrolle@musterstadt.example").first()).toBeVisible();

  await anonymous.dispose();
  for (const p of [owner, admin, stranger, reviewer]) await p.context().close();
});
