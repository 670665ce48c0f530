import "server-only";
import { countAudit, listAudit, listAuditActors, type AuditFilter } from "@/db/queries/audit";
import { listConcepts } from "@/db/queries/concepts";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { AUDIT_KINDS } from "./actions";
import type { AuditQuery } from "./filter";

export const AUDIT_PAGE_SIZE = 50;

/** The query as a filter of the municipality's entries. */
export function auditFilterOf(municipalityId: string, query: Omit<AuditQuery, "page" | "invalidDate">): AuditFilter {
  return {
    municipalityId,
    conceptId: query.conceptId,
    actorId: query.actorId,
    actions: query.kind ? AUDIT_KINDS[query.kind] : undefined,
    from: query.from,
    to: query.to,
  };
}

/**
 * One page of the municipality's audit log (admins), filtered by concept, person,
 * kind and period, with what the filter form offers: the concepts and everyone
 * who appears in the log. Always within the municipality: another municipality's
 * concept or person in the filter finds nothing.
 */
export async function readAuditPage(actor: Actor, input: { municipalityId: string; query: AuditQuery }) {
  await requireRole(actor, input.municipalityId, "audit.read");
  const filter = auditFilterOf(input.municipalityId, input.query);
  const [total, concepts, people] = await Promise.all([
    countAudit(filter),
    listConcepts({ municipalityId: input.municipalityId }),
    listAuditActors({ municipalityId: input.municipalityId }),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(input.query.page, pages);
  const entries = await listAudit({ ...filter, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  return {
    entries,
    total,
    page,
    pages,
    concepts: concepts.map((c) => ({ id: c.id, title: c.title })).sort((a, b) => a.title.localeCompare(b.title, "de")),
    people,
  };
}
