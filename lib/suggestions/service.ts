import "server-only";
import type { JSONContent } from "@tiptap/core";
import { getDb, type Executor } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { touchConcept } from "@/lib/concepts/writable";
import { insertSuggestionDecision, listSuggestionDecisions, memberNames } from "@/db/queries/suggestions";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { validateDoc } from "@/lib/editor/validate";
import { AppError } from "@/lib/errors";
import { changeSectionText, currentConceptTree } from "@/lib/realtime/store";
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

const SUGGESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

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
  const db = await getDb();
  return db.transaction(async (tx) => {
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
        decided = listSuggestions(current).find((x) => x.id === input.suggestionId) ?? null;
        if (!decided) return null;
        const next = input.decision === "accept" ? accept(current, input.suggestionId) : reject(current, input.suggestionId);
        const validation = next ? validateDoc(next) : null;
        if (!validation?.ok) {
          problem = validation?.error ?? null;
          return null;
        }
        return validation.doc;
      },
    });
    if (problem) throw new AppError("conflict", `Der Vorschlag kann so nicht übernommen werden: ${problem}`);
    const suggestion = decided as Suggestion | null;
    if (!changed || !suggestion) throw new AppError("not_found", "Diesen Änderungsvorschlag gibt es nicht (mehr). Vielleicht hat ihn schon jemand angenommen oder abgelehnt.");
    const part = partOf(tree, section);
    // The author as the mark names them, when that is a member (an editor's mark is not checked against its connection).
    const author = suggestion.author ? ((await memberNames({ municipalityId: concept.municipalityId, userIds: [suggestion.author] }, tx)).has(suggestion.author) ? suggestion.author : null) : null;
    await insertSuggestionDecision(
      {
        conceptId: concept.id,
        municipalityId: concept.municipalityId,
        sectionId: section.id,
        chapter: part.chapter,
        part: part.part,
        fieldKey: part.fieldKey,
        suggestionId: suggestion.id,
        kind: suggestion.kind,
        inserted: suggestion.inserted,
        deleted: suggestion.deleted,
        authorId: author,
        proposedAt: suggestion.at && !Number.isNaN(Date.parse(suggestion.at)) ? new Date(suggestion.at) : null,
        decision: input.decision === "accept" ? "accepted" : "rejected",
        decidedBy: actor.id,
      },
      tx,
    );
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
