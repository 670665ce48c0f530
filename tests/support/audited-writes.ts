/**
 * What the isolation table's write calls leave in the audit log when the
 * municipality's own admin makes them (tests/integration/isolation.test.ts,
 * "every write of the table"). A new write call must be named in one of these:
 * the audit action it records, or why it records none.
 */

/** The action each write call records ("module#function" → action). */
export const AUDITED: Record<string, string> = {
  "lib/concepts/create#createConcept": "concept.create",
  "lib/concepts/sections#saveSectionText": "section.edit",
  "lib/concepts/fields#addCustomField": "field.create",
  "lib/concepts/fields#removeCustomField": "field.delete",
  "lib/concepts/meta#updateConceptSettings": "concept.rename",
  "lib/concepts/exchange#importConcept": "concept.import",
  "lib/concepts/lifecycle#archiveConcept": "concept.archive",
  "lib/concepts/lifecycle#unarchiveConcept": "concept.unarchive",
  "lib/concepts/lifecycle#markConceptForDeletion": "concept.mark_for_deletion",
  "lib/concepts/lifecycle#restoreConceptFromDeletion": "concept.restore_from_deletion",
  "lib/import/service#importFile": "concept.import",
  "lib/import/into-draft#importIntoDraft": "concept.import_into_draft",
  "lib/sso/settings#changePasswordSignIn": "sso.password_sign_in",
  "lib/measures/service#createMeasure": "measure.create",
  "lib/measures/service#updateMeasure": "measure.update",
  "lib/measures/service#deleteMeasure": "measure.delete",
  "lib/measures/service#moveMeasure": "measure.move",
  "lib/measures/service#addSubGoal": "subgoal.create",
  "lib/measures/service#updateSubGoal": "subgoal.update",
  "lib/measures/service#deleteSubGoal": "subgoal.delete",
  "lib/measures/service#moveSubGoal": "subgoal.move",
  "lib/peers/service#changePeerConsent": "peers.consent",
  "lib/peers/library#shareMeasure": "library.share",
  "lib/peers/take-measure#takeLibraryMeasure": "measure.from_library",
  "lib/members/service#inviteMember": "invitation.create",
  "lib/members/service#revokeInvitation": "invitation.revoke",
  "lib/members/service#changeRole": "member.role",
  "lib/members/service#removeMember": "member.remove",
  "lib/versions/service#createVersion": "version.create",
  "lib/versions/service#restoreVersion": "version.restore",
  "lib/versions/service#changeStatus": "status.change",
  "lib/review/comments#createThread": "comment.create",
  "lib/review/comments#replyToThread": "comment.reply",
  "lib/review/comments#editComment": "comment.edit",
  "lib/review/comments#deleteComment": "comment.delete",
  "lib/review/comments#hideComment": "comment.hide",
  "lib/review/comments#setThreadState": "thread.resolve",
  "lib/review/rounds#startRound": "round.start",
  "lib/review/rounds#answerRound": "round.approve",
  "lib/review/rounds#closeRound": "round.close",
  "lib/review/rounds#completeRound": "round.complete",
  "lib/pdf/logo-service#uploadLogo": "logo.upload",
  "lib/funding/service#changeStaffCostRate": "municipality.staffCostRate",
  "lib/check/service#acknowledgeFinding": "check.acknowledge",
  "lib/check/service#withdrawAcknowledgement": "check.withdraw",
  "lib/concepts/part-marks#markPartDone": "part.done",
  "lib/concepts/part-marks#unmarkPartDone": "part.undone",
  "lib/concepts/assignments#assignPlace": "assignment.set",
  "lib/concepts/assignments#unassignPlace": "assignment.remove",
  "lib/suggestions/service#decideSuggestion": "suggestion.accept",
  "lib/suggestions/service#decideSuggestions": "suggestion.reject_all",
  "lib/monitoring/service#recordIndicatorValue": "monitoring.value_add",
  "lib/monitoring/service#deleteIndicatorValue": "monitoring.value_delete",
  "lib/monitoring/service#setMeasureYearStatus": "monitoring.year_status",
  "lib/monitoring/service#clearMeasureYearStatus": "monitoring.year_status_clear",
  "lib/key-figures/service#recordKeyFigure": "key_figure.record",
  "lib/key-figures/service#deleteKeyFigure": "key_figure.delete",
};

/**
 * Write calls whose call in the table finds nothing to change in a town of its own
 * (the table names what the furnished towns have): they must leave the town's data
 * unchanged and the log empty. Each records its action when it does change something.
 */
export const NOTHING_TO_CHANGE: Record<string, string> = {
  "lib/sso/settings#disallowSsoDomain": "the town allows no domain; a removal is logged as sso.domain.remove",
  "lib/sso/settings#removeGroupRole": "the town maps no group; a removal is logged as sso.group_role.remove",
  "lib/peers/library#unshareMeasure": "the town shares no measure; a withdrawal is logged as library.unshare",
  "lib/pdf/logo-service#removeLogo": "the town has no logo; a removal is logged as logo.remove",
};

/** Write calls that are not audited, with the reason. */
export const UNAUDITED: Record<string, string> = {
  "lib/review/inbox#markNotificationsRead": "the person's own inbox: marks their own notifications read, nobody else's data or rights change",
};
