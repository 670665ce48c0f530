/**
 * The isolation table (tests/integration/isolation.test.ts), one file per domain,
 * joined here in the order the calls run; and the lists the test checks it against.
 */
import { CONCEPT_CASES } from "./concepts";
import { MAIL_SSO_CASES } from "./mail-sso";
import { MEASURE_CASES } from "./measures";
import { PEER_CASES } from "./peers";
import { MEMBER_CASES } from "./members";
import { VERSION_CASES } from "./versions";
import { LIFECYCLE_CASES } from "./lifecycle";
import { SUGGESTION_CASES } from "./suggestions";
import { REVIEW_CASES } from "./review";
import { EXPORT_CASES } from "./exports";
import { FUNDING_CHECK_CASES } from "./funding-check";
import { PROGRESS_CASES } from "./progress";
import { MONITORING_CASES } from "./monitoring";
import type { Case } from "./case";

export type { Case } from "./case";

export const CASES: Case[] = [
  ...CONCEPT_CASES,
  ...MAIL_SSO_CASES,
  ...MEASURE_CASES,
  ...PEER_CASES,
  ...MEMBER_CASES,
  ...VERSION_CASES,
  ...LIFECYCLE_CASES,
  ...SUGGESTION_CASES,
  ...REVIEW_CASES,
  ...EXPORT_CASES,
  ...FUNDING_CHECK_CASES,
  ...PROGRESS_CASES,
  ...MONITORING_CASES,
];

/** Exports of the domain modules that take no actor; each with the reason it is not in the table. */
export const NO_ACTOR: Record<string, Record<string, string>> = {
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
  "lib/funding/service": { fundingOfConcept: "internal: takes a concept its caller already loaded through requireConcept" },
  "lib/audit/log": { auditFilterOf: "pure: the page's query → a filter of the municipality's entries" },
  "lib/check/service": { checkOfConcept: "internal: takes a concept its caller already loaded through requireConcept" },
  "lib/review/round-results": { roundResultRows: "pure: a round its caller already loaded through listRounds → rows" },
  "lib/key-figures/service": { keyFigureLinesOfConcept: "internal: takes a concept id its caller already checked through requireConcept", keyFigureValue: "pure: maps a stored row" },
  "lib/monitoring/service": { monitoringOfConcept: "internal: takes a concept its caller already loaded through requireConcept" },
  "lib/peers/service": {
    publishSnapshot: "no actor: at start, on the schedule, and behind publishPeerSnapshot's operator check",
    publishSources: "no actor: stores given contributions (publishSnapshot, benchmark)",
    ensurePeerSnapshot: "no actor: at start",
    publishScheduledSnapshot: "no actor: the schedule of every process (scripts/start.ts)",
    publishPeerSnapshot: "operator only, no municipality (peers.test.ts)",
    publishedGroups: "no actor: the published groups (no municipality's data) for naming where a shared measure comes from",
  },
  "lib/members/service": {
    invitationMessage: "pure text",
    describeInvitation: "no session: the invitation token is the credential (members.test.ts)",
    acceptInvitation: "no session: the invitation token is the credential (members.test.ts)",
    registerMunicipality: "no session: creates a new municipality (members.test.ts)",
  },
};

export const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
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
  "lib/review/inbox": () => import("@/lib/review/inbox"),
  "lib/funding/service": () => import("@/lib/funding/service"),
  "lib/check/service": () => import("@/lib/check/service"),
  "lib/monitoring/service": () => import("@/lib/monitoring/service"),
  "lib/review/round-page": () => import("@/lib/review/round-page"),
  "lib/review/round-results": () => import("@/lib/review/round-results"),
  "lib/key-figures/service": () => import("@/lib/key-figures/service"),
  "lib/monitoring/sachstand-export": () => import("@/lib/monitoring/sachstand-export"),
  "lib/audit/log": () => import("@/lib/audit/log"),
  "lib/concepts/dashboard": () => import("@/lib/concepts/dashboard"),
  "lib/concepts/part-marks": () => import("@/lib/concepts/part-marks"),
  "lib/concepts/assignments": () => import("@/lib/concepts/assignments"),
  "lib/suggestions/service": () => import("@/lib/suggestions/service"),
};

/** Functions under lib/ that take an actor but are checks used by the table's functions, not domain operations. */
export const GUARDS = new Set([
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
  "lib/peers/operator.ts#operatorStanding",
  // need a failed mail / a configured OIDC provider to succeed for the own admin; their municipality checks are in mail.test.ts and sso.test.ts
  "lib/mail/admin.ts#retryFailedMail",
  "lib/sso/settings.ts#allowSsoDomain",
  "lib/sso/settings.ts#setGroupRole",
]);
