import "server-only";
import { cache } from "react";
import { pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { isReadOnly, requireConcept } from "@/lib/concepts/access";
import { buildOutline, outlineCounts } from "@/lib/concepts/outline";
import { templateFor } from "@/lib/template";
import { keyFigureLinesOfConcept } from "@/lib/key-figures/service";
import { fundingOfConcept } from "@/lib/funding/service";
import { checkOfConcept } from "@/lib/check/service";
import { monitoringOfConcept } from "@/lib/monitoring/service";
import { conceptSteps, hasAdoptedVersion } from "@/lib/concepts/steps";
import { listVersionRows } from "@/db/queries/versions";
import { listThreadsWithComments } from "@/db/queries/comments";
import { resolveThreads } from "@/lib/review/comments";
import { threadsByPlace } from "@/lib/review/margin";
import { orNotFound } from "@/lib/http/page";
import { currentConceptTree } from "@/lib/realtime/store";
import { listPartMarks } from "@/db/queries/part-marks";
import { listAssignments } from "@/db/queries/assignments";
import { listMembers } from "@/db/queries/members";
import { berlinToday } from "@/lib/check/context";
import { roundForPage } from "@/lib/review/round-page";

/**
 * The concept and the person's role in it, once per request (the metadata and the page both ask). Read before
 * the page's first byte: a concept that does not exist or is not theirs is a real 404.
 */
export const conceptOfPage = cache(async (conceptId: string) => {
  const actor = await pageActor();
  return { actor, ...(await orNotFound(requireConcept(actor, conceptId, "concept.read"))) };
});

/** Who may do what on the page (no I/O beyond conceptOfPage), once per request: the page's head and its body both ask. */
export const pageRights = cache(async (conceptId: string) => {
  const { concept, role, actor } = await conceptOfPage(conceptId);
  const readOnly = isReadOnly(concept);
  const canEdit = can(role, "concept.editContent") && !readOnly;
  const suggest = can(role, "suggestion.propose") && !readOnly ? { author: actor.id, locked: !canEdit, canDecide: can(role, "suggestion.decide"), conceptId: concept.id } : undefined;
  // An archived concept takes no comments (requireConcept refuses them); an adopted one still does.
  const viewer = { userId: actor.id, canComment: can(role, "comment.create") && !concept.archivedAt, canModerate: can(role, "comment.moderate") && !concept.archivedAt };
  return { concept, role, actor, readOnly, canEdit, suggest, viewer };
});

/**
 * Everything else the concept page shows, once per request: read while the page's head is already on its way
 * (the page streams it, issue 17). What does not depend on the tree is read beside it, what does right after.
 */
export const conceptPageData = cache(async (conceptId: string) => {
  const rights = await pageRights(conceptId);
  const { concept, role, actor, canEdit } = rights;
  const treeThen = currentConceptTree(conceptId).then(async (tree) => {
    const [round, funding] = await Promise.all([roundForPage(actor, concept.id, tree), fundingOfConcept(concept, tree)]);
    return { tree, round, funding, check: await checkOfConcept(concept, { tree, funding }) };
  });
  const [{ tree, round, funding, check }, versions, threadRows, marks, assigned, people, keyFigures] = await Promise.all([
    treeThen,
    listVersionRows({ conceptId: concept.id }),
    listThreadsWithComments({ conceptId: concept.id }),
    listPartMarks({ conceptId: concept.id }),
    listAssignments({ conceptId: concept.id }),
    listMembers({ municipalityId: concept.municipalityId }),
    keyFigureLinesOfConcept(concept.id),
  ]);
  const steps = conceptSteps(concept.status, hasAdoptedVersion(versions));
  // A Fortschreibung starts from the monitoring: what ended and what missed its target.
  const update = steps.isUpdate ? (await monitoringOfConcept(concept, { tree })).update : null;
  return {
    ...rights,
    template: templateFor(concept.templateVersion),
    tree,
    round,
    funding,
    check,
    versions,
    marks,
    assigned,
    keyFigures,
    steps,
    update,
    writers: can(role, "concept.assign") && canEdit ? people : [],
    // The comment margin (issue 13): every thread is rendered on the server, beside its part or under its heading.
    members: people.map((m) => ({ id: m.userId, name: m.name })),
    threads: threadsByPlace(resolveThreads(threadRows, tree.sections), tree.sections),
    openThreads: threadRows.filter((th) => th.state === "open").length,
    today: berlinToday(),
    assignMode: !canEdit ? ("none" as const) : can(role, "concept.assign") ? ("admin" as const) : ("self" as const),
    outline: buildOutline({ templateVersion: concept.templateVersion, ...outlineCounts(tree), marks }),
  };
});
