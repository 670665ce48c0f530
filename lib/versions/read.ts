import "server-only";
import { getVersionRow, listVersionRows, type VersionRow } from "@/db/queries/versions";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { readConceptSnapshot, type ConceptExport, type SnapshotIds } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { countChanges, parseSnapshot, snapshotHashes, type ChangeCount, type ValidSnapshot } from "./snapshot";
import { openProposals } from "./diff/concept";

export type VersionKind = "manual" | "status" | "before_restore" | "before_import";

export type VersionMeta = {
  number: number;
  label: string;
  kind: VersionKind;
  status: string;
  restoredFrom: number | null;
  decisionDate: string | null;
  decisionReference: string | null;
  createdAt: Date;
  createdByName: string | null;
};

const meta = (row: VersionRow): VersionMeta => ({
  number: row.number,
  label: row.label,
  kind: row.kind as VersionKind,
  status: row.status,
  restoredFrom: row.restoredFrom,
  decisionDate: row.decisionDate,
  decisionReference: row.decisionReference,
  createdAt: row.createdAt,
  createdByName: row.createdByName,
});

/** Every version of a concept, newest first (snapshots are not loaded). */
export async function listVersions(actor: Actor, conceptId: string): Promise<VersionMeta[]> {
  const { concept } = await requireConcept(actor, conceptId, "concept.read");
  return (await listVersionRows({ conceptId: concept.id })).map(meta);
}

/** Nine digits, as a URL may carry; the database's integer column holds no more than about 2.1 billion. */
export const MAX_VERSION_NUMBER = 999_999_999;

/** The number in a URL or request: a positive integer, else a clear 400/404. */
export function parseVersionNumber(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_VERSION_NUMBER) throw new AppError("bad_request", "Bitte eine gültige Versionsnummer angeben (1, 2, 3 …).");
  return n;
}

/** A stored version, checked like an import before anyone sees or restores it. */
export async function loadVersion(
  conceptId: string,
  number: number,
): Promise<{
  meta: VersionMeta;
  snapshot: ConceptExport;
  valid: ValidSnapshot;
  ids: SnapshotIds;
  hashes: Record<string, string>;
  /** the personnel cost rate the version was made with; null for a version made before rates were kept */
  staffCostRate: { perFteCents: number | null } | null;
}> {
  const row = await getVersionRow({ conceptId, number });
  if (!row) throw new AppError("not_found", `Version ${number} gibt es nicht.`);
  const parsed = parseSnapshot(row.snapshot, row.ids);
  if (!parsed.ok) throw new AppError("conflict", `Version ${number} ist beschädigt und kann nicht verwendet werden. ${parsed.error}`);
  return { meta: meta(row), snapshot: row.snapshot as unknown as ConceptExport, valid: parsed.value, ids: row.ids, hashes: row.hashes, staffCostRate: row.staffCostRate };
}

/** One version with its whole content (the backup format) — for the JSON API, the PDF and the comparison. */
export async function readVersion(actor: Actor, conceptId: string, number: number) {
  const { concept } = await requireConcept(actor, conceptId, "concept.read");
  return loadVersion(concept.id, number);
}

export type HistoryEntry = VersionMeta & { changes: ChangeCount | null };

/**
 * The history page: the current draft with its changes since the newest
 * version, then every version with its changes against the one before,
 * counted from the stored hashes (no snapshot is loaded).
 */
export async function readHistory(actor: Actor, conceptId: string) {
  const { concept, role } = await requireConcept(actor, conceptId, "concept.read");
  const [rows, snapshot] = await Promise.all([listVersionRows({ conceptId: concept.id }), readConceptSnapshot(concept)]);
  const draft = snapshotHashes(snapshot);
  const proposals = snapshot.data.sections.reduce((n, s) => n + openProposals(s.content).length, 0);
  const versions: HistoryEntry[] = rows.map((row, i) => ({ ...meta(row), changes: rows[i + 1] ? countChanges(rows[i + 1]!.hashes, row.hashes) : null }));
  return {
    concept,
    role,
    /** proposals: open Änderungsvorschläge in the draft (not counted as changes: the compared text is the text without them) */
    draft: { changes: rows[0] ? countChanges(rows[0].hashes, draft) : null, updatedAt: concept.updatedAt, proposals },
    versions,
  };
}
