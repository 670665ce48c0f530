/**
 * Tenant isolation: every domain function that takes an actor, called
 *  (a) by the admin of another municipality with this municipality's ids → "not_found"
 *      (also with the attacker's own concept/municipality around this one's object ids),
 *  (b) by the roles of the same municipality that may not do it → "forbidden",
 * and afterwards this municipality's data is exactly as before.
 *
 * The table below must name every exported function of the domain modules: a new
 * export that is missing here makes "covers every exported domain function" fail.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { and, eq, gte, inArray, ne } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { closeDb, getDb } from "@/db";
import { getConceptTree, listConcepts } from "@/db/queries/concepts";
import { getSessionUser } from "@/db/queries/users";
import {
  assignments,
  auditLog,
  checkAcknowledgements,
  comments,
  commentThreads,
  indicatorValues,
  measureYearStatus,
  keyFigures,
  concepts,
  mailQueue,
  municipalities,
  municipalityLogos,
  notifications,
  partMarks,
  peerConsents,
  peerLibraryEntries,
  peerSettings,
  reviewAnswers,
  reviewRoundReviewers,
  reviewRounds,
  sectionUpdates,
  sectionYjs,
  ssoDomains,
  ssoGroupRoles,
  suggestionDecisions,
  type Role,
} from "@/db/schema";
import { appendClientUpdate } from "@/db/queries/realtime";
import { getPeerSettings } from "@/db/queries/peers";
import { addSsoDomain, upsertGroupRole } from "@/db/queries/sso";
import { queueMail } from "@/lib/mail/queue";
import { loadSectionState } from "@/lib/realtime/store";
import { updateToJson } from "@/lib/realtime/ydoc";
import type { Actor } from "@/lib/authz/require-role";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept, readConcept } from "@/lib/concepts/exchange";
import { importFile } from "@/lib/import/service";
import { importIntoDraft } from "@/lib/import/into-draft";
import { getMailProblems } from "@/lib/mail/admin";
import { changePasswordSignIn, disallowSsoDomain, getSignInSettings, removeGroupRole } from "@/lib/sso/settings";
import { addCustomField, removeCustomField } from "@/lib/concepts/fields";
import { updateConceptSettings } from "@/lib/concepts/meta";
import { archiveConcept, markConceptForDeletion, restoreConceptFromDeletion, unarchiveConcept } from "@/lib/concepts/lifecycle";
import { findInConcept } from "@/lib/concepts/find";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import * as measureService from "@/lib/measures/service";
import * as memberService from "@/lib/members/service";
import { compareVersions } from "@/lib/versions/compare";
import { listVersions, readHistory, readVersion } from "@/lib/versions/read";
import { changeStatus, createVersion, restoreVersion } from "@/lib/versions/service";
import { exportSynopsePdf } from "@/lib/versions/synopse-export";
import { exportConceptPdf, loadPdfModel } from "@/lib/pdf/export";
import { exportConceptOffice } from "@/lib/export/office";
import { removeLogo, uploadLogo } from "@/lib/pdf/logo-service";
import { changePeerConsent, comparePeers, publishSnapshot, readPeerConsent } from "@/lib/peers/service";
import { browseLibrary, checkLibraryText, listShareableMeasures, shareMeasure, unshareMeasure } from "@/lib/peers/library";
import { listTakeTargets, takeLibraryMeasure } from "@/lib/peers/take-measure";
import { createThread, deleteComment, editComment, hideComment, listMentionCandidates, listThreads, replyToThread, setThreadState } from "@/lib/review/comments";
import { exportAuditCsv, markNotificationsRead, readActivity, readAuditLog, readInbox, unreadCount } from "@/lib/review/inbox";
import { readAuditPage } from "@/lib/audit/log";
import { readConceptDashboard } from "@/lib/concepts/dashboard";
import { answerRound, closeRound, completeRound, listRounds, startRound } from "@/lib/review/rounds";
import { roundForPage } from "@/lib/review/round-page";
import { exportRoundCsv } from "@/lib/review/round-results";
import { changeStaffCostRate, readFunding } from "@/lib/funding/service";
import { acknowledgeFinding, readCheck, withdrawAcknowledgement } from "@/lib/check/service";
import { markPartDone, unmarkPartDone } from "@/lib/concepts/part-marks";
import { assignPlace, readMyAssignments, unassignPlace } from "@/lib/concepts/assignments";
import { decideSuggestion, decideSuggestions, listConceptSuggestions } from "@/lib/suggestions/service";
import { clearMeasureYearStatus, deleteIndicatorValue, readMonitoring, recordIndicatorValue, setMeasureYearStatus } from "@/lib/monitoring/service";
import { exportSachstandsbericht } from "@/lib/monitoring/sachstand-export";
import { deleteKeyFigure, readKeyFigures, recordKeyFigure } from "@/lib/key-figures/service";
import { AUDITED, NOTHING_TO_CHANGE, UNAUDITED } from "../support/audited-writes";
import { countContent } from "../support/data";
import { populatedTown, type Ids, type Town } from "../support/scenario";

const {
  addSubGoal,
  createMeasure,
  deleteMeasure,
  deleteSubGoal,
  listConceptMeasures,
  listFieldMeasures,
  moveMeasure,
  moveSubGoal,
  updateMeasure,
  updateSubGoal,
} = measureService;
const { acceptInvitation, changeRole, describeInvitation, getMemberOverview, inviteMember, registerMunicipality, removeMember, revokeInvitation } = memberService;

type Case = {
  module: string;
  fn: (...args: never[]) => unknown;
  kind: "read" | "write";
  /** roles of the same municipality that must get "forbidden" */
  forbidden: Role[];
  /** the call names objects inside a concept or municipality (measure, section, member …) */
  objectIds: boolean;
  run: (actor: Actor, ids: Ids) => Promise<unknown>;
  /** what the call returns when an allowed member makes it (proves the call itself is well-formed) */
  expectOk?: (result: unknown) => void;
};

const CONTENT_WRITERS_ONLY: Role[] = ["reviewer", "viewer"];
const proposedDeletion = (text: string, author: string) => ({ type: "text", text, marks: [{ type: "deletion", attrs: { id: "isolation1", author } }] });
const ADMINS_ONLY: Role[] = ["editor", "reviewer", "viewer"];
const EVERYONE_READS: Role[] = [];
const COMMENTERS_ONLY: Role[] = ["viewer"];

const CASES: Case[] = [
  // lib/concepts/*
  {
    module: "lib/concepts/create",
    fn: createConcept,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => createConcept(a, { municipalityId: ids.municipalityId, title: "Untergeschobenes Konzept" }),
  },
  {
    module: "lib/concepts/sections",
    fn: saveSectionText,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) =>
      saveSectionText(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: ids.sectionRevision, content: doc(p("Überschrieben")) }),
    expectOk: (r) => expect(r).toMatchObject({ status: "saved" }),
  },
  {
    module: "lib/concepts/fields",
    fn: addCustomField,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => addCustomField(a, { conceptId: ids.conceptId, title: "Fremdes Handlungsfeld" }),
  },
  {
    module: "lib/concepts/fields",
    fn: removeCustomField,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => removeCustomField(a, { conceptId: ids.conceptId, fieldId: ids.customFieldId }),
  },
  {
    module: "lib/concepts/meta",
    fn: updateConceptSettings,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => updateConceptSettings(a, { conceptId: ids.conceptId, title: "Umbenannt", settings: { leadOffice: "Fremdes Amt" } }),
  },
  {
    module: "lib/concepts/exchange",
    fn: exportConcept,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportConcept(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject({ format: "konzeptwerk.concept" }),
  },
  {
    module: "lib/concepts/exchange",
    fn: importConcept,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => importConcept(a, { municipalityId: ids.municipalityId, data: ids.backup }),
  },
  // lib/mail, lib/sso: the admin's mail problems and sign-in settings
  { module: "lib/mail/admin", fn: getMailProblems, kind: "read", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => getMailProblems(a, { municipalityId: ids.municipalityId }) },
  { module: "lib/sso/settings", fn: getSignInSettings, kind: "read", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => getSignInSettings(a, { municipalityId: ids.municipalityId }) },
  { module: "lib/sso/settings", fn: changePasswordSignIn, kind: "write", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => changePasswordSignIn(a, { municipalityId: ids.municipalityId, on: true }) },
  { module: "lib/sso/settings", fn: disallowSsoDomain, kind: "write", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => disallowSsoDomain(a, { municipalityId: ids.municipalityId, domain: "fremd.example" }) },
  { module: "lib/sso/settings", fn: removeGroupRole, kind: "write", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => removeGroupRole(a, { municipalityId: ids.municipalityId, group: "fremde-gruppe" }) },
  {
    module: "lib/import/service",
    fn: importFile,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) =>
      importFile(a, { municipalityId: ids.municipalityId, fileName: "konzept.md", bytes: new TextEncoder().encode("# Sprache\n\nText zur Sprache.\n"), mapping: "auto" }),
  },
  {
    module: "lib/concepts/exchange",
    fn: readConcept,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readConcept(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject({ fields: expect.any(Array) }),
  },
  // lib/measures/service
  {
    module: "lib/measures/service",
    fn: listFieldMeasures,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: true,
    run: (a, ids) => listFieldMeasures(a, { conceptId: ids.conceptId, fieldId: ids.fieldId }),
    expectOk: (r) => expect((r as { measures: unknown[] }).measures).toHaveLength(2),
  },
  {
    module: "lib/measures/service",
    fn: listConceptMeasures,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listConceptMeasures(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(Object.keys(r as object)).toHaveLength(1),
  },
  {
    module: "lib/measures/service",
    fn: createMeasure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) =>
      createMeasure(a, { conceptId: ids.conceptId, fieldId: ids.fieldId, title: "Untergeschobene Maßnahme", taskType: "voluntary", subGoalIds: [ids.subGoalId] }),
  },
  {
    module: "lib/measures/service",
    fn: updateMeasure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) =>
      updateMeasure(a, { conceptId: ids.conceptId, measureId: ids.measureId, baseRevision: ids.measureRevision, title: "Überschrieben", taskType: "mandatory" }),
    expectOk: (r) => expect(r).toMatchObject({ status: "saved" }),
  },
  {
    module: "lib/measures/service",
    fn: deleteMeasure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => deleteMeasure(a, { conceptId: ids.conceptId, measureId: ids.measureId }),
  },
  {
    module: "lib/measures/service",
    fn: moveMeasure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => moveMeasure(a, { conceptId: ids.conceptId, measureId: ids.secondMeasureId, direction: "up" }),
    expectOk: (r) => expect(r).toEqual({ moved: true }),
  },
  {
    module: "lib/measures/service",
    fn: addSubGoal,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => addSubGoal(a, { conceptId: ids.conceptId, fieldId: ids.fieldId, text: "Untergeschobenes Teilziel" }),
  },
  {
    module: "lib/measures/service",
    fn: updateSubGoal,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => updateSubGoal(a, { conceptId: ids.conceptId, subGoalId: ids.subGoalId, text: "Überschrieben" }),
  },
  {
    module: "lib/measures/service",
    fn: deleteSubGoal,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => deleteSubGoal(a, { conceptId: ids.conceptId, subGoalId: ids.subGoalId }),
  },
  {
    module: "lib/measures/service",
    fn: moveSubGoal,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => moveSubGoal(a, { conceptId: ids.conceptId, subGoalId: ids.secondSubGoalId, direction: "up" }),
    expectOk: (r) => expect(r).toEqual({ moved: true }),
  },
  // lib/peers/service
  {
    module: "lib/peers/service",
    fn: comparePeers,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => comparePeers(a, { conceptId: ids.conceptId, group: "all" }),
    expectOk: (r) => expect(r).toMatchObject({ group: { choice: "all" } }),
  },
  {
    module: "lib/peers/service",
    fn: readPeerConsent,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => readPeerConsent(a, { municipalityId: ids.municipalityId }),
  },
  {
    module: "lib/peers/service",
    fn: changePeerConsent,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => changePeerConsent(a, { municipalityId: ids.municipalityId, contribute: false }),
  },
  // lib/peers/library
  {
    module: "lib/peers/library",
    fn: shareMeasure,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => shareMeasure(a, { conceptId: ids.conceptId, measureId: ids.measureId, title: "Sprachcafé", description: "Gesprächsrunden für Eltern." }),
    expectOk: (r) => expect(r).toEqual({ shared: true }),
  },
  {
    module: "lib/peers/library",
    fn: unshareMeasure,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => unshareMeasure(a, { conceptId: ids.conceptId, measureId: ids.measureId }),
  },
  {
    module: "lib/peers/library",
    fn: listShareableMeasures,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => listShareableMeasures(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toHaveLength(2),
  },
  {
    module: "lib/peers/library",
    fn: checkLibraryText,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => checkLibraryText(a, { conceptId: ids.conceptId, title: "Sprachcafé", description: "" }),
    expectOk: (r) => expect(r).toEqual([]),
  },
  {
    module: "lib/peers/library",
    fn: browseLibrary,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => browseLibrary(a, { conceptId: ids.conceptId, group: "all" }),
  },
  // lib/peers/take-measure
  {
    module: "lib/peers/take-measure",
    fn: listTakeTargets,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listTakeTargets(a, { conceptId: ids.conceptId }),
  },
  {
    module: "lib/peers/take-measure",
    fn: takeLibraryMeasure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // An entry the municipality sees in the library (another municipality's): only the concept and the field decide.
    run: async (a, ids) => takeLibraryMeasure(a, { conceptId: ids.conceptId, fieldId: ids.fieldId, entryId: await visibleEntryId(ids.municipalityId) }),
    expectOk: (r) => expect(r).toMatchObject({ measure: { status: "planned", origin: { kind: "peerLibrary" } } }),
  },
  // lib/members/service
  {
    module: "lib/members/service",
    fn: getMemberOverview,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => getMemberOverview(a, { municipalityId: ids.municipalityId }),
    expectOk: (r) => expect((r as { members: unknown[] }).members).toHaveLength(4),
  },
  {
    module: "lib/members/service",
    fn: inviteMember,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => inviteMember(a, { municipalityId: ids.municipalityId, email: `eindringling-${ids.conceptId.slice(0, 8)}@test.example`, role: "admin" }),
    expectOk: (r) => expect(r).toMatch(/^\/einladung\/[A-Za-z0-9_-]{43}$/),
  },
  {
    module: "lib/members/service",
    fn: revokeInvitation,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => revokeInvitation(a, { municipalityId: ids.municipalityId, invitationId: ids.invitationId }),
  },
  {
    module: "lib/members/service",
    fn: changeRole,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => changeRole(a, { municipalityId: ids.municipalityId, userId: ids.memberUserId, role: "admin" }),
  },
  {
    module: "lib/members/service",
    fn: removeMember,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => removeMember(a, { municipalityId: ids.municipalityId, userId: ids.memberUserId }),
    expectOk: (r) => expect(r).toEqual({ removedSelf: false }),
  },
  // lib/versions/*
  {
    module: "lib/versions/read",
    fn: listVersions,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listVersions(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject([{ number: 1 }]),
  },
  {
    module: "lib/versions/read",
    fn: readVersion,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readVersion(a, ids.conceptId, 1),
    expectOk: (r) => expect(r).toMatchObject({ meta: { number: 1 } }),
  },
  {
    module: "lib/versions/read",
    fn: readHistory,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readHistory(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject({ versions: [{ number: 1 }] }),
  },
  {
    module: "lib/versions/compare",
    fn: compareVersions,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => compareVersions(a, { conceptId: ids.conceptId, from: 1, to: "draft" }),
    expectOk: (r) => expect(r).toMatchObject({ comparison: { totals: expect.any(Object) } }),
  },
  {
    module: "lib/versions/synopse-export",
    fn: exportSynopsePdf,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportSynopsePdf(a, { conceptId: ids.conceptId, from: 1, to: "draft" }),
    expectOk: (r) => expect(r).toMatchObject({ pages: expect.any(Number) }),
  },
  {
    module: "lib/versions/service",
    fn: createVersion,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => createVersion(a, { conceptId: ids.conceptId, label: "Untergeschoben" }),
  },
  {
    module: "lib/versions/service",
    fn: restoreVersion,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => restoreVersion(a, { conceptId: ids.conceptId, number: 1 }),
  },
  {
    module: "lib/import/into-draft",
    fn: importIntoDraft,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) =>
      importIntoDraft(a, { conceptId: ids.conceptId, fileName: "fortschreibung.md", bytes: new TextEncoder().encode("# Sprache\n\n## Ausgangslage\n\nUntergeschoben.\n"), mapping: "auto", places: "all" }),
  },
  {
    module: "lib/versions/service",
    fn: changeStatus,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => changeStatus(a, { conceptId: ids.conceptId, status: "interdepartmental" }),
  },
  // lib/concepts/lifecycle, lib/concepts/find
  {
    module: "lib/concepts/lifecycle",
    fn: archiveConcept,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => archiveConcept(a, { conceptId: ids.conceptId }),
  },
  {
    module: "lib/concepts/lifecycle",
    fn: unarchiveConcept,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    // The town's concept is not archived: the same actor archives it first (refused alike for everyone but the town's admin).
    run: async (a, ids) => {
      await archiveConcept(a, { conceptId: ids.conceptId });
      return unarchiveConcept(a, { conceptId: ids.conceptId });
    },
  },
  {
    module: "lib/concepts/lifecycle",
    fn: markConceptForDeletion,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => markConceptForDeletion(a, { conceptId: ids.conceptId, confirm: "on" }),
  },
  {
    module: "lib/concepts/lifecycle",
    fn: restoreConceptFromDeletion,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    // Likewise marked first by the same actor.
    run: async (a, ids) => {
      await markConceptForDeletion(a, { conceptId: ids.conceptId, confirm: "on" });
      return restoreConceptFromDeletion(a, { conceptId: ids.conceptId });
    },
  },
  {
    module: "lib/concepts/find",
    fn: findInConcept,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => findInConcept(a, { conceptId: ids.conceptId, query: "Sprachcafé" }),
    expectOk: (r) => expect((r as { hits: { ref: { kind: string } }[] }).hits.map((h) => h.ref.kind)).toEqual(["measure"]),
  },
  // lib/suggestions/*
  {
    module: "lib/suggestions/service",
    fn: listConceptSuggestions,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listConceptSuggestions(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toMatchObject({ open: [], decided: expect.any(Array) }),
  },
  {
    module: "lib/suggestions/service",
    fn: decideSuggestion,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    // The decision first (its own checks answer a stranger and a reviewer), then, for a member allowed to, a proposal to decide.
    run: async (a, ids) => {
      const probe = await decideSuggestion(a, { conceptId: ids.conceptId, suggestionId: "isolation1", decision: "accept" }).catch((e: unknown) => e);
      if ((probe as { code?: string }).code !== "not_found" || !(probe as Error).message.includes("Änderungsvorschlag")) throw probe;
      await saveSectionText(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: ids.sectionRevision, content: doc(p("Der Rat ", proposedDeletion("hat", a.id), " beauftragt.")) });
      return decideSuggestion(a, { conceptId: ids.conceptId, suggestionId: "isolation1", decision: "accept" });
    },
    expectOk: (r) => expect(r).toMatchObject({ id: "isolation1", decision: "accepted" }),
  },
  {
    module: "lib/suggestions/service",
    fn: decideSuggestions,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // As above: the bulk decision first (a stranger, a reviewer and a part of another concept are answered by its checks), then a proposal of the part to decide.
    run: async (a, ids) => {
      const probe = await decideSuggestions(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, decision: "reject" }).catch((e: unknown) => e);
      if ((probe as { code?: string }).code !== "not_found" || !(probe as Error).message.includes("Änderungsvorschläge")) throw probe;
      await saveSectionText(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: ids.sectionRevision, content: doc(p("Der Rat ", proposedDeletion("hat", a.id), " beauftragt.")) });
      return decideSuggestions(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, authorId: a.id, decision: "reject" });
    },
    expectOk: (r) => expect(r).toMatchObject({ decision: "rejected", count: 1, decided: [{ id: "isolation1" }] }),
  },
  // lib/review/*
  {
    module: "lib/review/comments",
    fn: listThreads,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listThreads(a, ids.conceptId),
    expectOk: (r) => expect((r as { threads: unknown[] }).threads).toHaveLength(1),
  },
  {
    module: "lib/review/comments",
    fn: createThread,
    kind: "write",
    forbidden: COMMENTERS_ONLY,
    objectIds: true,
    run: (a, ids) => createThread(a, { conceptId: ids.conceptId, target: { kind: "text", sectionId: ids.sectionId, quote: "Konzept" }, body: "Fremder Kommentar" }),
  },
  {
    module: "lib/review/comments",
    fn: replyToThread,
    kind: "write",
    forbidden: COMMENTERS_ONLY,
    objectIds: true,
    run: (a, ids) => replyToThread(a, { conceptId: ids.conceptId, threadId: ids.threadId, body: "Fremde Antwort" }),
  },
  {
    // Only the author may: other members get "forbidden" with their own message (review.test.ts).
    module: "lib/review/comments",
    fn: editComment,
    kind: "write",
    forbidden: COMMENTERS_ONLY,
    objectIds: true,
    run: (a, ids) => editComment(a, { conceptId: ids.conceptId, commentId: ids.commentId, body: "Überschrieben" }),
  },
  {
    module: "lib/review/comments",
    fn: deleteComment,
    kind: "write",
    forbidden: COMMENTERS_ONLY,
    objectIds: true,
    run: (a, ids) => deleteComment(a, { conceptId: ids.conceptId, commentId: ids.commentId }),
  },
  {
    module: "lib/review/comments",
    fn: hideComment,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => hideComment(a, { conceptId: ids.conceptId, commentId: ids.commentId }),
  },
  {
    module: "lib/review/comments",
    fn: setThreadState,
    kind: "write",
    forbidden: COMMENTERS_ONLY,
    objectIds: true,
    run: (a, ids) => setThreadState(a, { conceptId: ids.conceptId, threadId: ids.threadId, state: "resolved" }),
  },
  {
    module: "lib/review/rounds",
    fn: listRounds,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listRounds(a, ids.conceptId),
    expectOk: (r) => expect((r as { rounds: unknown[] }).rounds).toHaveLength(1),
  },
  {
    module: "lib/review/rounds",
    fn: startRound,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => startRound(a, { conceptId: ids.conceptId, versionNumber: 1, title: "Fremde Runde", dueDate: "2030-01-01", reviewerIds: [ids.memberUserId] }),
  },
  {
    // Only the round's reviewers may: the editor is not one and gets "forbidden" with its own message (review.test.ts).
    module: "lib/review/rounds",
    fn: answerRound,
    kind: "write",
    forbidden: COMMENTERS_ONLY,
    objectIds: true,
    run: (a, ids) => answerRound(a, { conceptId: ids.conceptId, roundId: ids.roundId, target: "mandate", verdict: "approve", note: "" }),
  },
  {
    module: "lib/review/rounds",
    fn: closeRound,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => closeRound(a, { conceptId: ids.conceptId, roundId: ids.roundId }),
  },
  {
    // Only the round's reviewers may (the scenario's admin and reviewer); the editor gets "forbidden" with its own message (rounds-in-place.test.ts).
    module: "lib/review/rounds",
    fn: completeRound,
    kind: "write",
    forbidden: COMMENTERS_ONLY,
    objectIds: true,
    run: (a, ids) => completeRound(a, { conceptId: ids.conceptId, roundId: ids.roundId, verdict: "request_changes", note: "" }),
  },
  {
    module: "lib/review/round-page",
    fn: roundForPage,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => roundForPage(a, ids.conceptId),
    expectOk: (r) => expect((r as { title: string } | null)?.title).toBe("Ressortabstimmung"),
  },
  {
    module: "lib/review/round-results",
    fn: exportRoundCsv,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => exportRoundCsv(a, { conceptId: ids.conceptId, roundId: ids.roundId }),
  },
  {
    module: "lib/review/comments",
    fn: listMentionCandidates,
    kind: "read",
    forbidden: COMMENTERS_ONLY,
    objectIds: false,
    run: (a, ids) => listMentionCandidates(a, ids.conceptId),
  },
  {
    module: "lib/concepts/dashboard",
    fn: readConceptDashboard,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readConceptDashboard(a, { municipalityId: ids.municipalityId }),
    expectOk: (r) => expect((r as { id: string }[]).length).toBeGreaterThan(0),
  },
  {
    module: "lib/review/inbox",
    fn: readInbox,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readInbox(a, { municipalityId: ids.municipalityId }),
  },
  {
    module: "lib/review/inbox",
    fn: unreadCount,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => unreadCount(a, { municipalityId: ids.municipalityId }),
  },
  {
    module: "lib/review/inbox",
    fn: markNotificationsRead,
    kind: "write",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => markNotificationsRead(a, { municipalityId: ids.municipalityId }),
  },
  {
    module: "lib/review/inbox",
    fn: readActivity,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readActivity(a, ids.conceptId),
    expectOk: (r) => expect((r as { action: string }[]).map((e) => e.action)).toContain("comment.create"),
  },
  {
    module: "lib/review/inbox",
    fn: readAuditLog,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => readAuditLog(a, { municipalityId: ids.municipalityId }),
  },
  {
    module: "lib/review/inbox",
    fn: exportAuditCsv,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => exportAuditCsv(a, { municipalityId: ids.municipalityId }),
    expectOk: (r) => expect(r).toContain("round.start"),
  },
  {
    module: "lib/audit/log",
    fn: readAuditPage,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => readAuditPage(a, { municipalityId: ids.municipalityId, query: { conceptId: ids.conceptId, page: 1, invalidDate: false } }),
    expectOk: (r) => expect((r as { entries: { action: string }[] }).entries.map((e) => e.action)).toContain("round.start"),
  },
  // lib/pdf/*
  {
    module: "lib/pdf/export",
    fn: loadPdfModel,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => loadPdfModel(a, ids.conceptId, { version: 1, history: true }),
    expectOk: (r) => expect(r).toMatchObject({ model: { meta: { version: expect.stringMatching(/^Fassung 1/) } } }),
  },
  {
    module: "lib/pdf/export",
    fn: exportConceptPdf,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportConceptPdf(a, ids.conceptId, {}),
    expectOk: (r) => expect((r as { pdf: Buffer }).pdf.subarray(0, 5).toString()).toBe("%PDF-"),
  },
  // lib/export/*
  {
    module: "lib/export/office",
    fn: exportConceptOffice,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportConceptOffice(a, ids.conceptId, "odt", { version: 1 }),
    expectOk: (r) => expect((r as { contentType: string }).contentType).toBe("application/vnd.oasis.opendocument.text"),
  },
  {
    module: "lib/pdf/logo-service",
    fn: uploadLogo,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) =>
      uploadLogo(a, { municipalityId: ids.municipalityId, file: new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>']) }),
  },
  {
    module: "lib/pdf/logo-service",
    fn: removeLogo,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => removeLogo(a, { municipalityId: ids.municipalityId }),
  },
  // lib/funding/service, lib/check/service
  {
    module: "lib/funding/service",
    fn: readFunding,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readFunding(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject({ plan: { measures: 2 } }),
  },
  {
    module: "lib/funding/service",
    fn: changeStaffCostRate,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => changeStaffCostRate(a, { municipalityId: ids.municipalityId, cents: 1_000 }),
  },
  {
    module: "lib/check/service",
    fn: readCheck,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readCheck(a, ids.conceptId),
    expectOk: (r) => expect((r as { findings: unknown[] }).findings.length).toBeGreaterThan(0),
  },
  {
    module: "lib/check/service",
    fn: acknowledgeFinding,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => acknowledgeFinding(a, { conceptId: ids.conceptId, findingKey: `handlungsfeld-ohne-massnahme:${ids.customFieldId}`, reason: "Untergeschoben" }),
  },
  {
    module: "lib/check/service",
    fn: withdrawAcknowledgement,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // withdrawing needs a marking: the call marks first (refused just the same for strangers and readers)
    run: async (a, ids) => {
      const findingKey = `handlungsfeld-ohne-massnahme:${ids.customFieldId}`;
      await acknowledgeFinding(a, { conceptId: ids.conceptId, findingKey, reason: "Vorübergehend" });
      await withdrawAcknowledgement(a, { conceptId: ids.conceptId, findingKey });
    },
  },
  // lib/concepts/part-marks: "fertig" marks
  {
    module: "lib/concepts/part-marks",
    fn: markPartDone,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => markPartDone(a, { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: ids.fieldId }),
  },
  {
    module: "lib/concepts/part-marks",
    fn: unmarkPartDone,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // taking a mark back needs a mark: the call marks first (refused just the same for strangers and readers)
    run: async (a, ids) => {
      await markPartDone(a, { conceptId: ids.conceptId, chapter: "fields", part: "measures", fieldId: ids.fieldId });
      await unmarkPartDone(a, { conceptId: ids.conceptId, chapter: "fields", part: "measures", fieldId: ids.fieldId });
    },
  },
  // lib/concepts/assignments: who is responsible for a chapter or field of action
  {
    module: "lib/concepts/assignments",
    fn: assignPlace,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => assignPlace(a, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.fieldId, assigneeId: ids.memberUserId, dueDate: "2030-12-31" }),
  },
  {
    module: "lib/concepts/assignments",
    fn: unassignPlace,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // removing needs an assignment: the call assigns first (refused just the same for strangers and readers)
    run: async (a, ids) => {
      await assignPlace(a, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.customFieldId, assigneeId: a.id, dueDate: "2030-12-31" });
      await unassignPlace(a, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.customFieldId });
    },
  },
  {
    module: "lib/concepts/assignments",
    fn: readMyAssignments,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readMyAssignments(a, { municipalityId: ids.municipalityId }),
    expectOk: (r) => expect(r).toEqual(expect.any(Array)),
  },
  // lib/monitoring/service: editors and admins record, everyone reads
  {
    module: "lib/monitoring/service",
    fn: readMonitoring,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readMonitoring(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toMatchObject({ summary: { indicators: 1, withValues: 1 } }),
  },
  {
    module: "lib/monitoring/sachstand-export",
    fn: exportSachstandsbericht,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportSachstandsbericht(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toMatchObject({ pages: expect.any(Number) }),
  },
  {
    module: "lib/monitoring/service",
    fn: recordIndicatorValue,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) =>
      recordIndicatorValue(a, { conceptId: ids.conceptId, measureId: ids.measureId, indicatorId: ids.indicatorId, observedOn: "2026-01-31", value: "99", source: "Untergeschoben" }),
    expectOk: (r) => expect(r).toMatchObject({ valueId: expect.any(String) }),
  },
  {
    module: "lib/monitoring/service",
    fn: deleteIndicatorValue,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => deleteIndicatorValue(a, { conceptId: ids.conceptId, valueId: ids.indicatorValueId }),
  },
  {
    module: "lib/monitoring/service",
    fn: setMeasureYearStatus,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => setMeasureYearStatus(a, { conceptId: ids.conceptId, measureId: ids.measureId, year: 2025, status: "not_implemented", note: "Untergeschoben" }),
  },
  {
    module: "lib/monitoring/service",
    fn: clearMeasureYearStatus,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => clearMeasureYearStatus(a, { conceptId: ids.conceptId, measureId: ids.measureId, year: 2025 }),
  },
  // lib/key-figures/service: editors and admins record, everyone reads
  {
    module: "lib/key-figures/service",
    fn: readKeyFigures,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readKeyFigures(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toMatchObject([{ name: "Einwohner mit ausländischer Staatsangehörigkeit", latest: { year: 2024, value: 1250 } }]),
  },
  {
    module: "lib/key-figures/service",
    fn: recordKeyFigure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => recordKeyFigure(a, { conceptId: ids.conceptId, name: "Einwohner mit ausländischer Staatsangehörigkeit", value: "9.999", year: 2024, source: "Untergeschoben" }),
    expectOk: (r) => expect(r).toMatchObject({ keyFigureId: expect.any(String) }),
  },
  {
    module: "lib/key-figures/service",
    fn: deleteKeyFigure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => deleteKeyFigure(a, { conceptId: ids.conceptId, keyFigureId: ids.keyFigureId }),
  },
];

/** Exports of the domain modules that take no actor; each with the reason it is not in the table. */
const NO_ACTOR: Record<string, Record<string, string>> = {
  "lib/concepts/exchange": {
    parseConceptExport: "pure validation of a backup",
    buildConceptExport: "pure: rows → backup JSON",
    buildConceptSnapshot: "pure: rows → backup JSON with row ids",
    measureRow: "pure: exported measure → database row",
    readConceptSnapshot: "internal: takes a concept its caller already loaded through requireConcept",
    planImportRows: "pure: backup → rows",
    importedTitle: "pure title helper",
    exportFileName: "pure file name helper",
  },
  "lib/concepts/lifecycle": {
    purgeDeletedConcepts: "no actor: the hourly schedule of every process (scripts/start.ts); concept-lifecycle.test.ts",
    startConceptPurge: "no actor: starts that schedule",
  },
  "lib/import/service": {
    readOutline: "pure: file bytes → outline, nothing read or written",
    proposalOf: "pure: outline → proposed mapping",
    checkedMapping: "pure: a chosen mapping checked against the proposal",
  },
  "lib/concepts/sections": { restoreSectionTexts: "internal: runs inside restoreVersion's transaction, after its permission check" },
  "lib/measures/service": { groupByField: "pure: groups rows the caller already loaded" },
  "lib/versions/read": {
    parseVersionNumber: "pure input parsing",
    loadVersion: "internal: callers (readVersion, compareVersions, restoreVersion) check the concept first",
  },
  "lib/versions/compare": { parseVersionRef: "pure input parsing" },
  "lib/pdf/export": { pdfFileName: "pure file name helper", parsePdfQuery: "pure input parsing" },
  "lib/versions/service": { cleanLabel: "pure input cleaning", cleanDecision: "pure input cleaning" },
  "lib/review/comments": { resolveThreads: "pure: resolves anchors of threads its caller already loaded" },
  "lib/suggestions/service": { openSuggestionsOf: "internal: runs inside changeStatus's transaction, after its permission check" },
  "lib/review/rounds": { roundTargets: "internal: takes a concept its caller already loaded through requireConcept" },
  "lib/review/round-results": { roundResultRows: "pure: a round its caller already loaded through listRounds → rows" },
  "lib/funding/service": { fundingOfConcept: "internal: takes a concept its caller already loaded through requireConcept" },
  "lib/audit/log": { auditFilterOf: "pure: the page's query → a filter of the municipality's entries" },
  "lib/check/service": { checkOfConcept: "internal: takes a concept its caller already loaded through requireConcept" },
  "lib/monitoring/service": { monitoringOfConcept: "internal: takes a concept its caller already loaded through requireConcept" },
  "lib/key-figures/service": { keyFigureLinesOfConcept: "internal: takes a concept id its caller already checked through requireConcept", keyFigureValue: "pure: maps a stored row" },
  "lib/peers/service": {
    publishSnapshot: "no actor: at start, on the schedule, and behind publishPeerSnapshot's operator check",
    publishSources: "no actor: stores given contributions (publishSnapshot, benchmark)",
    ensurePeerSnapshot: "no actor: at start",
    publishScheduledSnapshot: "no actor: the schedule of every process (scripts/start.ts)",
    publishPeerSnapshot: "operator only, no municipality (peers.test.ts)",
    peerGroupOf: "no actor: a municipality's group for callers that checked access",
  },
  "lib/members/service": {
    invitationMessage: "pure text",
    describeInvitation: "no session: the invitation token is the credential (members.test.ts)",
    acceptInvitation: "no session: the invitation token is the credential (members.test.ts)",
    registerMunicipality: "no session: creates a new municipality (members.test.ts)",
  },
};

const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  "lib/concepts/create": () => import("@/lib/concepts/create"),
  "lib/concepts/sections": () => import("@/lib/concepts/sections"),
  "lib/concepts/fields": () => import("@/lib/concepts/fields"),
  "lib/concepts/meta": () => import("@/lib/concepts/meta"),
  "lib/concepts/exchange": () => import("@/lib/concepts/exchange"),
  "lib/concepts/lifecycle": () => import("@/lib/concepts/lifecycle"),
  "lib/concepts/find": () => import("@/lib/concepts/find"),
  "lib/import/service": () => import("@/lib/import/service"),
  "lib/import/into-draft": () => import("@/lib/import/into-draft"),
  "lib/measures/service": () => import("@/lib/measures/service"),
  "lib/members/service": () => import("@/lib/members/service"),
  "lib/versions/read": () => import("@/lib/versions/read"),
  "lib/versions/compare": () => import("@/lib/versions/compare"),
  "lib/versions/service": () => import("@/lib/versions/service"),
  "lib/versions/synopse-export": () => import("@/lib/versions/synopse-export"),
  "lib/pdf/export": () => import("@/lib/pdf/export"),
  "lib/pdf/logo-service": () => import("@/lib/pdf/logo-service"),
  "lib/export/office": () => import("@/lib/export/office"),
  "lib/peers/service": () => import("@/lib/peers/service"),
  "lib/peers/library": () => import("@/lib/peers/library"),
  "lib/peers/take-measure": () => import("@/lib/peers/take-measure"),
  "lib/review/comments": () => import("@/lib/review/comments"),
  "lib/review/rounds": () => import("@/lib/review/rounds"),
  "lib/review/round-page": () => import("@/lib/review/round-page"),
  "lib/review/round-results": () => import("@/lib/review/round-results"),
  "lib/review/inbox": () => import("@/lib/review/inbox"),
  "lib/funding/service": () => import("@/lib/funding/service"),
  "lib/check/service": () => import("@/lib/check/service"),
  "lib/monitoring/service": () => import("@/lib/monitoring/service"),
  "lib/monitoring/sachstand-export": () => import("@/lib/monitoring/sachstand-export"),
  "lib/key-figures/service": () => import("@/lib/key-figures/service"),
  "lib/audit/log": () => import("@/lib/audit/log"),
  "lib/concepts/dashboard": () => import("@/lib/concepts/dashboard"),
  "lib/concepts/part-marks": () => import("@/lib/concepts/part-marks"),
  "lib/concepts/assignments": () => import("@/lib/concepts/assignments"),
  "lib/suggestions/service": () => import("@/lib/suggestions/service"),
};

/** Functions under lib/ that take an actor but are checks used by the table's functions, not domain operations. */
const GUARDS = new Set([
  "lib/authz/require-role.ts#requireRole",
  "lib/concepts/access.ts#requireConcept",
  "lib/auth/session.ts#activeMembership",
  // counts the person's exports; called after the export's own access check (export-limit.test.ts)
  "lib/export/limit.ts#takeExportPoint",
  // the person's own mail setting: no municipality, no id of anyone else to name (review-mails.test.ts, server-actions.spec.ts)
  "lib/review/digest.ts#readMailDigest",
  "lib/review/digest.ts#changeMailDigest",
  // the installation's operator, not a municipality's role: tested in peers.test.ts
  "lib/peers/service.ts#publishPeerSnapshot",
  // need a failed mail / a configured OIDC provider to succeed for the own admin; their municipality checks are in mail.test.ts and sso.test.ts
  "lib/mail/admin.ts#retryFailedMail",
  "lib/sso/settings.ts#allowSsoDomain",
  "lib/sso/settings.ts#setGroupRole",
]);

/** A library entry shared by another municipality than this one (the towns' furnish() shares one each). */
async function visibleEntryId(municipalityId: string) {
  const db = await getDb();
  const [row] = await db.select({ id: peerLibraryEntries.id }).from(peerLibraryEntries).where(ne(peerLibraryEntries.municipalityId, municipalityId)).limit(1);
  if (!row) throw new Error("setup: no library entry of another municipality");
  return row.id;
}

const label = (c: Case) => `${c.module}#${c.fn.name}`;
const ROLES = ["admin", "editor", "reviewer", "viewer"] as const;

let victim: { town: Town; ids: Ids };
let attacker: { town: Town; ids: Ids };
let before: { victim: unknown; attacker: unknown };

/**
 * Every row the table's functions can write for a municipality, read straight from
 * the tables (not through the functions under test), in a stable order.
 */
async function storedRows(municipalityId: string) {
  const db = await getDb();
  const all = <T extends PgTable & { municipalityId: PgColumn }>(table: T) =>
    db.select().from(table as PgTable).where(eq(table.municipalityId, municipalityId));
  const sorted = (rows: Record<string, unknown>[]) =>
    rows.map((r) => JSON.stringify(r)).sort();
  // The real-time tables name the concept, not the municipality.
  const ownConcepts = db.select({ id: concepts.id }).from(concepts).where(eq(concepts.municipalityId, municipalityId));
  return {
    municipality: await db.select().from(municipalities).where(eq(municipalities.id, municipalityId)),
    threads: sorted(await all(commentThreads)),
    comments: sorted(await all(comments)),
    rounds: sorted(await all(reviewRounds)),
    roundReviewers: sorted(await all(reviewRoundReviewers)),
    roundAnswers: sorted(await all(reviewAnswers)),
    notifications: sorted(await all(notifications)),
    audit: sorted(await all(auditLog)),
    logo: sorted(await all(municipalityLogos)),
    consent: sorted(await all(peerConsents)),
    library: sorted(await all(peerLibraryEntries)),
    acknowledgements: sorted(await all(checkAcknowledgements)),
    partMarks: sorted(await all(partMarks)),
    assignments: sorted(await all(assignments)),
    suggestionDecisions: sorted(await all(suggestionDecisions)),
    indicatorValues: sorted(await all(indicatorValues)),
    yearStatuses: sorted(await all(measureYearStatus)),
    keyFigures: sorted(await all(keyFigures)),
    mail: sorted(await all(mailQueue)),
    ssoDomains: sorted(await all(ssoDomains)),
    ssoGroupRoles: sorted(await all(ssoGroupRoles)),
    yjsStates: sorted(await db.select().from(sectionYjs).where(inArray(sectionYjs.conceptId, ownConcepts))),
    yjsUpdates: sorted(await db.select().from(sectionUpdates).where(inArray(sectionUpdates.conceptId, ownConcepts))),
    // One row for the whole installation (the secret of the peer comparison), not a municipality's: any write shows in both snapshots.
    peerSettings: sorted(await db.select().from(peerSettings)),
  };
}

/** What the users of a municipality see of its data; equal before and after means nothing changed. */
async function snapshot({ town, ids }: { town: Town; ids: Ids }) {
  const { exportedAt: _ignored, ...backup } = await exportConcept(town.admin, ids.conceptId);
  return JSON.parse(
    JSON.stringify({
      backup,
      read: await readConcept(town.admin, ids.conceptId),
      concepts: await listConcepts({ municipalityId: ids.municipalityId }),
      members: await getMemberOverview(town.admin, { municipalityId: ids.municipalityId }),
      sessions: await Promise.all(ROLES.map((r) => getSessionUser({ sessionId: town[r].sessionId }))),
      invitation: await describeInvitation({ token: ids.invitationToken }),
      rows: await countContent(ids.municipalityId),
      stored: await storedRows(ids.municipalityId),
    }),
  ) as unknown;
}

/**
 * Give a town what the scenario leaves out, so that removing it would show: a logo, consent, a shared measure, a notification,
 * a reviewer's answer, a queued mail, an SSO domain, a part opened in real time and a keystroke not yet folded into its part.
 */
async function furnish({ town, ids }: { town: Town; ids: Ids }) {
  await uploadLogo(town.admin, {
    municipalityId: ids.municipalityId,
    file: new Blob(['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2" fill="#1f4e79"/></svg>']),
  });
  await changePeerConsent(town.admin, { municipalityId: ids.municipalityId, contribute: true });
  await shareMeasure(town.admin, { conceptId: ids.conceptId, measureId: ids.secondMeasureId, title: "Elternkurse", description: "Deutschkurse für Eltern an Grundschulen." });
  await replyToThread(town.editor, { conceptId: ids.conceptId, threadId: ids.threadId, body: "Wird ergänzt." });
  await acknowledgeFinding(town.editor, { conceptId: ids.conceptId, findingKey: "fortschreibung-ohne-turnus", reason: "Bewusst leer gelassen" });
  await answerRound(town.reviewer, { conceptId: ids.conceptId, roundId: ids.roundId, target: "mandate", verdict: "approve", note: "Passt so." });
  // A part marked "fertig": a forged unmark would show.
  await markPartDone(town.editor, { conceptId: ids.conceptId, chapter: "mandate", part: "text" });
  // A responsibility: a forged removal or reassignment would show.
  await assignPlace(town.admin, { conceptId: ids.conceptId, chapter: "mandate", assigneeId: town.editor.id, dueDate: "2030-06-30" });
  const db = await getDb();
  // A mail waiting in the queue (no sender runs in this test), as an invitation with a mail server would leave it.
  await queueMail(db, {
    municipalityId: ids.municipalityId,
    kind: "invitation",
    to: `wartet-${ids.municipalityId.slice(0, 8)}@test.example`,
    content: { subject: "Einladung", text: "Sie wurden eingeladen.", html: "<p>Sie wurden eingeladen.</p>" },
  });
  // Allowing a domain through the settings needs a configured provider (sso.test.ts); the row is what matters here.
  // The domain the table's forged disallowSsoDomain names: a removal that came before the check would show.
  await addSsoDomain({ municipalityId: ids.municipalityId, domain: "fremd.example" });
  // Likewise the group the table's forged removeGroupRole names.
  await upsertGroupRole({ municipalityId: ids.municipalityId, groupName: "fremde-gruppe", role: "viewer" });
  // A decided proposal (in another part than the table's: its text and revision stay as the table expects them).
  const vision = (await getConceptTree({ conceptId: ids.conceptId })).sections.find((x) => x.chapter === "vision" && x.fieldId === null)!;
  await saveSectionText(town.editor, {
    conceptId: ids.conceptId,
    sectionId: vision.id,
    baseRevision: vision.revision,
    content: doc(p("Vielfalt ist ", { type: "text", text: "unsere", marks: [{ type: "deletion", attrs: { id: "furnished1", author: town.reviewer.id } }] }, " Stärke.")),
  });
  await decideSuggestion(town.admin, { conceptId: ids.conceptId, suggestionId: "furnished1", decision: "reject" });
  // The table's part, opened in the real-time editor: it has a Yjs state.
  await loadSectionState(ids.sectionId);
  // A second concept whose opened part has a keystroke not yet folded in: every read of the table's concept folds
  // that concept's pending keystrokes, so the pending one sits in a concept that no call of the table names.
  const second = await createConcept(town.editor, { municipalityId: ids.municipalityId, title: "Fortschreibung in Arbeit" });
  const part = (await getConceptTree({ conceptId: second.id })).sections.find((x) => x.chapter === "mandate" && x.fieldId === null)!;
  const state = await loadSectionState(part.id);
  const update = updateToJson(state!.updates, doc(p("Ein Satz, der noch nicht gespeichert ist.")));
  const appended = await appendClientUpdate({
    sectionId: part.id,
    conceptId: second.id,
    municipalityId: ids.municipalityId,
    userId: town.editor.id,
    sessionId: town.editor.sessionId,
    update: update!,
  });
  if (!appended) throw new Error("setup: keystroke not stored");
}

beforeAll(async () => {
  victim = await populatedTown("Opferstadt");
  attacker = await populatedTown("Fremdstadt");
  await furnish(victim);
  await furnish(attacker);
  // The installation's peer settings exist before the first snapshot (the first read creates them).
  await getPeerSettings();
  before = { victim: await snapshot(victim), attacker: await snapshot(attacker) };
  await publishSnapshot({ trigger: "test" });
});
afterAll(() => closeDb());

describe("the table of domain functions", () => {
  it("runs against towns that have rows in every table the snapshot reads, so a deletion would show", () => {
    for (const [town, snap] of Object.entries(before)) {
      const stored = (snap as { stored: Record<string, unknown[]> }).stored;
      const empty = Object.entries(stored).filter(([, rows]) => rows.length === 0).map(([table]) => table);
      expect(empty, `empty tables of ${town}`).toEqual([]);
    }
  });

  it("covers every exported function of the domain modules (or names it as taking no actor)", async () => {
    const missing: string[] = [];
    for (const [name, load] of Object.entries(MODULES)) {
      const mod = await load();
      for (const [key, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        if (NO_ACTOR[name]?.[key]) continue;
        if (!CASES.some((c) => c.module === name && c.fn === value)) missing.push(`${name}#${key}`);
      }
    }
    expect(missing, "exported functions without a row in CASES").toEqual([]);
    for (const [name, helpers] of Object.entries(NO_ACTOR)) {
      const mod = await MODULES[name]!();
      for (const key of Object.keys(helpers)) expect(typeof mod[key], `${name}#${key} still exists`).toBe("function");
    }
  });

  it("knows every module under lib/ that exports a function taking an actor", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const files = (fs.readdirSync(path.join(root, "lib"), { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => path.join("lib", f).split(path.sep).join("/"));
    const found: string[] = [];
    const pattern = /export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^>]*>)?\(\s*actor\b|export\s+const\s+(\w+)\s*=\s*(?:async\s*)?\(\s*actor\b/g;
    for (const file of files) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      for (const match of source.matchAll(pattern)) found.push(`${file}#${match[1] ?? match[2]}`);
    }
    expect(found.length).toBeGreaterThan(20);
    const unknown = found.filter((f) => {
      if (GUARDS.has(f)) return false;
      const [file, fn] = f.split("#") as [string, string];
      return !CASES.some((c) => `${c.module}.ts` === file && c.fn.name === fn);
    });
    expect(unknown, "functions taking an actor that the isolation table does not call").toEqual([]);
  });
});

describe("another municipality's admin", () => {
  it.each(CASES.map((c) => [label(c), c] as const))("gets not_found from %s with this municipality's ids", async (_name, c) => {
    await expect(c.run(attacker.town.admin, victim.ids)).rejects.toMatchObject({ code: "not_found" });
  });

  it.each(CASES.filter((c) => c.objectIds).map((c) => [label(c), c] as const))(
    "gets not_found from %s with its own concept/municipality but this municipality's object ids",
    async (_name, c) => {
      const mixed: Ids = { ...victim.ids, municipalityId: attacker.ids.municipalityId, conceptId: attacker.ids.conceptId };
      await expect(c.run(attacker.town.admin, mixed)).rejects.toMatchObject({ code: "not_found" });
    },
  );

  const GHOST = "00000000-0000-4000-8000-000000000000";
  const ghostIds = (): Ids => ({
    ...victim.ids,
    municipalityId: GHOST,
    conceptId: GHOST,
    fieldId: GHOST,
    customFieldId: GHOST,
    sectionId: GHOST,
    measureId: GHOST,
    indicatorId: GHOST,
    indicatorValueId: GHOST,
    keyFigureId: GHOST,
    secondMeasureId: GHOST,
    subGoalId: GHOST,
    secondSubGoalId: GHOST,
    invitationId: GHOST,
    memberUserId: GHOST,
    threadId: GHOST,
    commentId: GHOST,
    roundId: GHOST,
  });
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: "ok", message: "" }),
      (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }),
    );

  it.each(CASES.map((c) => [label(c), c] as const))("gets the same code from %s as for ids that do not exist at all", async (_name, c) => {
    const real = await outcome(c.run(attacker.town.admin, victim.ids));
    const missing = await outcome(c.run(attacker.town.admin, ghostIds()));
    expect(real.code).toBe("not_found");
    expect(missing.code).toBe("not_found");
  });

  it("gets the same message as for ids that do not exist, so nothing tells that the concept exists", async () => {
    const differing: string[] = [];
    for (const c of CASES) {
      const real = await outcome(c.run(attacker.town.admin, victim.ids));
      const missing = await outcome(c.run(attacker.town.admin, ghostIds()));
      if (real.message !== missing.message) differing.push(`${label(c)}: "${real.message}" ≠ "${missing.message}"`);
    }
    expect(differing).toEqual([]);
  });

  it("gets not_found, not a database error, for a municipality id that is not a UUID", async () => {
    const actor = attacker.town.admin;
    await expect(getMemberOverview(actor, { municipalityId: "kein-uuid" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createConcept(actor, { municipalityId: "kein-uuid", title: "X" })).rejects.toMatchObject({ code: "not_found" });
    await expect(inviteMember(actor, { municipalityId: "kein-uuid", email: "x@test.example", role: "viewer" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("members of the same municipality", () => {
  const denials = CASES.flatMap((c) => c.forbidden.map((role) => [`${label(c)} as ${role}`, c, role] as const));
  it.each(denials)("get forbidden from %s", async (_name, c, role) => {
    await expect(c.run(victim.town[role], victim.ids)).rejects.toMatchObject({ code: "forbidden", message: "Dafür fehlt Ihnen die Berechtigung." });
  });

  it("cannot raise their own role unless they are admin", async () => {
    for (const role of ["editor", "reviewer", "viewer"] as const) {
      const actor = victim.town[role];
      await expect(changeRole(actor, { municipalityId: victim.ids.municipalityId, userId: actor.id, role: "admin" })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
  });

  const readers = CASES.filter((c) => c.kind === "read" && c.forbidden.length === 0).flatMap((c) =>
    (["reviewer", "viewer"] as const).map((role) => [`${label(c)} as ${role}`, c, role] as const),
  );
  it.each(readers)("may still read: %s", async (_name, c, role) => {
    const result = await c.run(victim.town[role], victim.ids);
    c.expectOk?.(result);
  });
});

describe("after all those calls", () => {
  it("the municipality's concept, members, invitations, sessions, threads, rounds, notifications, audit log, logo, consent, library entries, queued mails, SSO domains, real-time states and pending keystrokes, and the peer settings are unchanged, and so are the other's", async () => {
    expect(await snapshot(victim)).toEqual(before.victim);
    expect(await snapshot(attacker)).toEqual(before.attacker);
  });
});

describe("every call of the table", () => {
  // Control: the same calls succeed for an admin of the municipality itself, so the
  // rejections above come from the permission checks and not from a malformed call.
  it.each(CASES.map((c) => [label(c), c] as const))("%s works for the municipality's own admin", async (_name, c) => {
    const own = await populatedTown("Eigenstadt");
    const result = await c.run(own.town.admin, own.ids);
    c.expectOk?.(result);
  });
});

describe("every write of the table", () => {
  const writes = CASES.filter((c) => c.kind === "write");
  const declared = { ...AUDITED, ...NOTHING_TO_CHANGE, ...UNAUDITED };

  /** The audit actions recorded for a municipality since a moment (a coalesced section edit moves its time forward). */
  async function auditSince(municipalityId: string, since: Date) {
    const db = await getDb();
    const rows = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, municipalityId), gte(auditLog.createdAt, since)));
    return rows.map((r) => r.action);
  }

  it("names the audit entry of each write call, or why it has none", () => {
    expect(writes.map(label).filter((l) => !(l in declared)), "write calls the audit maps do not name").toEqual([]);
    expect(Object.keys(declared).filter((l) => !writes.some((c) => label(c) === l)), "names in the audit maps without a write call").toEqual([]);
  });

  it.each(writes.filter((c) => label(c) in AUDITED).map((c) => [label(c), c] as const))(
    "%s, made by the municipality's own admin, leaves its entry in the audit log",
    async (name, c) => {
      const own = await populatedTown("Protokollstadt");
      const since = new Date();
      await c.run(own.town.admin, own.ids);
      expect(await auditSince(own.ids.municipalityId, since)).toContain(AUDITED[name]);
    },
  );

  it.each(writes.filter((c) => label(c) in NOTHING_TO_CHANGE).map((c) => [label(c), c] as const))(
    "%s changes nothing in a town without the named object, and logs nothing",
    async (_name, c) => {
      const own = await populatedTown("Protokollstadt");
      const before = await snapshot(own);
      const since = new Date();
      await c.run(own.town.admin, own.ids);
      expect(await snapshot(own)).toEqual(before);
      expect(await auditSince(own.ids.municipalityId, since)).toEqual([]);
    },
  );

  it("logs an accepted invitation as the new member, and a registration as its first admin", async () => {
    const own = await populatedTown("Protokollstadt");
    const since = new Date();
    const password = "ein-sicheres-Passwort-2026";
    const accepted = await acceptInvitation({ token: own.ids.invitationToken, name: "Neu Eingeladen", password });
    expect(await auditSince(accepted.municipalityId, since)).toEqual(["invitation.accept"]);

    const hex = () => randomBytes(3).toString("hex");
    const digits = () => String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
    const registered = await registerMunicipality(
      { name: "Stadt Protokoll", ags: `06${digits()}`, kind: "town", state: "Hessen", population: 20_000, adminName: "Paula Leitung", adminEmail: `leitung-${hex()}@protokoll.example`, password },
      { rateLimitKey: `test-${hex()}` },
    );
    expect(await auditSince(registered.municipalityId, since)).toEqual(["municipality.register"]);
  });
});
