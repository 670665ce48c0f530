import "server-only";
import type { JSONContent } from "@tiptap/core";
import { type Executor } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { conceptTransaction, touchConcept } from "@/lib/concepts/writable";
import { insertSuggestionDecision, listSuggestionDecisions, memberNames } from "@/db/queries/suggestions";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { validateDoc } from "@/lib/editor/validate";
import { AppError } from "@/lib/errors";
import { changeSectionText, currentConceptTree, flushConcept } from "@/lib/realtime/store";
import { listSuggestions, type Suggestion } from "./list";
import { accept, hasSuggestions, reject } from "./resolve";

export type SuggestionPart = { sectionId: string; chapter: string; part: string; fieldKey: string | null; fieldTitle: string | null };

export type OpenSuggestion = Omit<Suggestion, "author" | "at"> & {
  status: "open";
  part: SuggestionPart;
  author: { id: string | null; name: string | null };
  proposedAt: string | null;
};

export type DecidedSuggestion = Omit<OpenSuggestion, "status"> & {
  status: "accepted" | "rejected";
  decidedBy: { id: string | null; name: string | null };
  decidedAt: string;
};

type Tree = Awaited<ReturnType<typeof currentConceptTree>>;

function partOf(tree: Tree, section: Tree["sections"][number]): SuggestionPart {
  const field = section.fieldId ? tree.fields.find((f) => f.id === section.fieldId) : null;
  return { sectionId: section.id, chapter: section.chapter, part: section.part, fieldKey: field?.key ?? null, fieldTitle: field?.title ?? null };
}

/** The open proposals of every part of a concept (its text up to the last keystroke), in the order of the parts' rows and the text. */
async function openOf(conceptId: string, db?: Executor) {
  const tree = await currentConceptTree(conceptId, db);
  const open: { part: SuggestionPart; suggestion: Suggestion }[] = [];
  for (const section of tree.sections) {
    if (!hasSuggestions(section.content)) continue;
    let list: Suggestion[];
    try {
      list = listSuggestions(section.content);
    } catch {
      continue; // text the schema no longer reads: it has no proposals the editor could decide either
    }
    for (const suggestion of list) open.push({ part: partOf(tree, section), suggestion });
  }
  return { tree, open };
}

const who = (id: string | null, names: Map<string, string>) => ({ id, name: id ? (names.get(id) ?? null) : null });

/**
 * The proposals of a concept for everybody who may read it: the open ones
 * (from the marks in the text) and the decided ones (kept when decided).
 */
export async function listConceptSuggestions(actor: Actor, input: { conceptId: string }): Promise<{ open: OpenSuggestion[]; decided: DecidedSuggestion[] }> {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.read");
  const { open } = await openOf(concept.id);
  const decided = await listSuggestionDecisions({ conceptId: concept.id });
  const names = await memberNames({
    municipalityId: concept.municipalityId,
    userIds: [...open.map((o) => o.suggestion.author ?? ""), ...decided.flatMap((d) => [d.authorId ?? "", d.decidedBy ?? ""])],
  });
  return {
    open: open.map(({ part, suggestion: { author, at, ...rest } }) => ({ ...rest, status: "open" as const, part, author: who(author, names), proposedAt: at })),
    decided: decided.map((d) => ({
      id: d.suggestionId,
      kind: d.kind as Suggestion["kind"],
      inserted: d.inserted,
      deleted: d.deleted,
      status: d.decision as "accepted" | "rejected",
      part: { sectionId: d.sectionId, chapter: d.chapter, part: d.part, fieldKey: d.fieldKey, fieldTitle: null },
      author: who(d.authorId, names),
      proposedAt: d.proposedAt?.toISOString() ?? null,
      decidedBy: who(d.decidedBy, names),
      decidedAt: d.decidedAt.toISOString(),
    })),
  };
}

/** Open proposals of a concept, for a check inside another transaction (adoption). */
export async function openSuggestionsOf(conceptId: string, db: Executor) {
  return (await openOf(conceptId, db)).open;
}

type Decision = "accept" | "reject";

async function keepDecision(
  tx: Executor,
  input: { concept: { id: string; municipalityId: string }; part: SuggestionPart; suggestion: Suggestion; authorId: string | null; decision: Decision; decidedBy: string },
) {
  const { concept, part, suggestion } = input;
  await insertSuggestionDecision(
    {
      conceptId: concept.id,
      municipalityId: concept.municipalityId,
      sectionId: part.sectionId,
      chapter: part.chapter,
      part: part.part,
      fieldKey: part.fieldKey,
      suggestionId: suggestion.id,
      kind: suggestion.kind,
      inserted: suggestion.inserted,
      deleted: suggestion.deleted,
      authorId: input.authorId,
      proposedAt: suggestion.at && !Number.isNaN(Date.parse(suggestion.at)) ? new Date(suggestion.at) : null,
      decision: input.decision === "accept" ? "accepted" : "rejected",
      decidedBy: input.decidedBy,
    },
    tx,
  );
}

const SUGGESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ADJACENT_FOLLOWS = "Direkt dahinter beginnt ein weiterer Vorschlag, der sonst mit entschieden würde. Bitte zuerst diesen späteren Vorschlag annehmen oder ablehnen.";

/**
 * A decision's transaction: what was typed is folded into the parts first, outside the concept's lock (which live
 * typing waits for), so that under it only what came in meanwhile is left to fold.
 */
async function decisionTransaction<T>(conceptId: string, work: (tx: Executor) => Promise<T>): Promise<T> {
  await flushConcept(conceptId);
  return conceptTransaction(conceptId, work);
}

/**
 * Accept or reject one proposal (editors and admins): the part's text is
 * changed through the one write path of server-side text changes
 * (lib/realtime/store.ts), so open editors get it live; the decision is
 * kept for the list of decided proposals and recorded in the audit log, in
 * one transaction that an adoption or archiving refuses.
 */
export async function decideSuggestion(actor: Actor, input: { conceptId: string; suggestionId: string; decision: "accept" | "reject" }) {
  if (typeof input.suggestionId !== "string" || !SUGGESTION_ID.test(input.suggestionId)) throw new AppError("not_found", "Diesen Änderungsvorschlag gibt es nicht (mehr).");
  if (input.decision !== "accept" && input.decision !== "reject") throw new AppError("bad_request", "Unbekannte Entscheidung.");
  const { concept } = await requireConcept(actor, input.conceptId, "suggestion.decide");
  return decisionTransaction(concept.id, async (tx) => {
    const tree = await currentConceptTree(concept.id, tx);
    const section = tree.sections.find((s) => hasSuggestions(s.content) && listSuggestions(s.content).some((x) => x.id === input.suggestionId));
    if (!section) throw new AppError("not_found", "Diesen Änderungsvorschlag gibt es nicht (mehr). Vielleicht hat ihn schon jemand angenommen oder abgelehnt.");
    let decided: Suggestion | null = null;
    let problem: string | null = null;
    const changed = await changeSectionText(tx, {
      sectionId: section.id,
      conceptId: concept.id,
      userId: actor.id,
      change: (current: JSONContent) => {
        const all = listSuggestions(current);
        decided = all.find((x) => x.id === input.suggestionId) ?? null;
        if (!decided) return null;
        const next = input.decision === "accept" ? accept(current, input.suggestionId) : reject(current, input.suggestionId);
        // The library decides a directly following run of the same kind together with this one, whoever proposed it:
        // that one would be gone without a decision kept. Deciding from the back works, so that is what is asked.
        const left = next ? new Set(listSuggestions(next).map((x) => x.id)) : null;
        if (left && all.some((x) => x.id !== input.suggestionId && !left.has(x.id))) {
          problem = ADJACENT_FOLLOWS;
          return null;
        }
        const validation = next ? validateDoc(next) : null;
        if (!validation?.ok) {
          problem = validation?.error ?? null;
          return null;
        }
        return validation.doc;
      },
    });
    if (problem === ADJACENT_FOLLOWS) throw new AppError("conflict", ADJACENT_FOLLOWS);
    if (problem) throw new AppError("conflict", `Der Vorschlag kann so nicht übernommen werden: ${problem}`);
    const suggestion = decided as Suggestion | null;
    if (!changed || !suggestion) throw new AppError("not_found", "Diesen Änderungsvorschlag gibt es nicht (mehr). Vielleicht hat ihn schon jemand angenommen oder abgelehnt.");
    const part = partOf(tree, section);
    // The author as the mark names them, when that is a member (an editor's mark is not checked against its connection).
    const author = suggestion.author ? ((await memberNames({ municipalityId: concept.municipalityId, userIds: [suggestion.author] }, tx)).has(suggestion.author) ? suggestion.author : null) : null;
    await keepDecision(tx, { concept, part, suggestion, authorId: author, decision: input.decision, decidedBy: actor.id });
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: input.decision === "accept" ? "suggestion.accept" : "suggestion.reject",
      conceptId: concept.id,
      objectId: section.id,
      details: { chapter: part.chapter, part: part.part, ...(part.fieldKey ? { field: part.fieldKey, fieldTitle: part.fieldTitle } : {}), kind: suggestion.kind },
    });
    // The status-conditional final write: an adoption or archiving that committed meanwhile rolls this back.
    await touchConcept({ conceptId: concept.id }, tx);
    return { id: suggestion.id, decision: input.decision === "accept" ? ("accepted" as const) : ("rejected" as const), sectionId: section.id };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Accept or reject several proposals at once (editors and admins): all of a
 * part (`sectionId`), all of one person (`authorId`) in the concept, or all of
 * one person in a part. At least one of the two is required, so a slip never
 * decides a whole concept. Each part changes through the same write path as a
 * single decision (the proposals are decided one by one on the part's current
 * text while it is locked, so what was typed meanwhile stays); every decided
 * proposal is kept, and each changed part gets one audit entry with the count.
 * Nothing matching is a 404 and changes nothing.
 */
export async function decideSuggestions(actor: Actor, input: { conceptId: string; decision: Decision; sectionId?: string | null; authorId?: string | null }) {
  if (input.decision !== "accept" && input.decision !== "reject") throw new AppError("bad_request", "Unbekannte Entscheidung.");
  const sectionId = input.sectionId ?? null;
  const authorId = input.authorId ?? null;
  if (sectionId === null && authorId === null) throw new AppError("bad_request", "Bitte einen Teil oder eine Person angeben, deren Vorschläge entschieden werden sollen.");
  if ((sectionId !== null && (typeof sectionId !== "string" || !UUID.test(sectionId))) || (authorId !== null && (typeof authorId !== "string" || !UUID.test(authorId)))) {
    throw new AppError("bad_request", "Teil oder Person ist ungültig.");
  }
  const { concept } = await requireConcept(actor, input.conceptId, "suggestion.decide");
  const nothing = () => new AppError("not_found", "Dazu gibt es keine offenen Änderungsvorschläge (mehr). Vielleicht hat sie schon jemand angenommen oder abgelehnt.");
  return decisionTransaction(concept.id, async (tx) => {
    const tree = await currentConceptTree(concept.id, tx);
    if (sectionId !== null && !tree.sections.some((s) => s.id === sectionId)) throw new AppError("not_found", "Diesen Teil gibt es in diesem Konzept nicht.");
    const matches = (s: Suggestion) => authorId === null || s.author === authorId;
    const sections = tree.sections.filter((s) => (sectionId === null || s.id === sectionId) && hasSuggestions(s.content));
    const members = await memberNames({ municipalityId: concept.municipalityId, userIds: authorId ? [authorId] : [] }, tx);
    const decided: { id: string; sectionId: string }[] = [];
    for (const section of sections) {
      let chosen: Suggestion[] = [];
      let problem: string | null = null;
      const changed = await changeSectionText(tx, {
        sectionId: section.id,
        conceptId: concept.id,
        userId: actor.id,
        change: (current: JSONContent) => {
          const all = listSuggestions(current);
          chosen = all.filter(matches);
          if (chosen.length === 0) return null;
          let next: JSONContent = current;
          for (const s of chosen) {
            // null: an earlier decision of this batch took it along (the library decides directly adjacent runs together).
            next = (input.decision === "accept" ? accept(next, s.id) : reject(next, s.id)) ?? next;
          }
          const left = new Set(listSuggestions(next).map((s) => s.id));
          const chosenIds = new Set(chosen.map((s) => s.id));
          if ([...left].some((id) => chosenIds.has(id))) {
            problem = "Nicht alle Vorschläge ließen sich entscheiden. Bitte einzeln annehmen oder ablehnen.";
            return null;
          }
          if (all.some((s) => !chosenIds.has(s.id) && !left.has(s.id))) {
            problem = "Ein Vorschlag einer anderen Person grenzt unmittelbar an und würde mit entschieden. Bitte diese Vorschläge einzeln annehmen oder ablehnen, den späteren zuerst.";
            return null;
          }
          const validation = validateDoc(next);
          if (!validation.ok) {
            problem = validation.error;
            return null;
          }
          return validation.doc;
        },
      });
      if (problem !== null) throw new AppError("conflict", `Die Vorschläge können so nicht übernommen werden: ${problem}`);
      if (!changed || chosen.length === 0) continue;
      const part = partOf(tree, section);
      const authors = await memberNames({ municipalityId: concept.municipalityId, userIds: chosen.map((s) => s.author ?? "") }, tx);
      for (const suggestion of chosen) {
        await keepDecision(tx, { concept, part, suggestion, authorId: suggestion.author && authors.has(suggestion.author) ? suggestion.author : null, decision: input.decision, decidedBy: actor.id });
        decided.push({ id: suggestion.id, sectionId: section.id });
      }
      await recordAudit(tx, {
        municipalityId: concept.municipalityId,
        actorId: actor.id,
        action: input.decision === "accept" ? "suggestion.accept_all" : "suggestion.reject_all",
        conceptId: concept.id,
        objectId: section.id,
        details: {
          chapter: part.chapter,
          part: part.part,
          ...(part.fieldKey ? { field: part.fieldKey, fieldTitle: part.fieldTitle } : {}),
          count: chosen.length,
          ...(authorId ? { person: members.get(authorId) ?? null } : {}),
        },
      });
    }
    if (decided.length === 0) throw nothing();
    await touchConcept({ conceptId: concept.id }, tx);
    return { decision: input.decision === "accept" ? ("accepted" as const) : ("rejected" as const), count: decided.length, decided };
  });
}
