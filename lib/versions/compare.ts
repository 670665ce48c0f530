import "server-only";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { memberNames } from "@/db/queries/suggestions";
import { compareSnapshots, type ConceptComparison } from "./diff/concept";
import { readConceptSnapshot } from "@/lib/concepts/exchange";
import { loadVersion, parseVersionNumber, type VersionMeta } from "./read";

/** A side of a comparison: a version number, or the current draft. */
export type VersionRef = number | "draft";

export function parseVersionRef(value: unknown): VersionRef {
  if (typeof value === "string" && ["draft", "entwurf", "aktuell"].includes(value.trim().toLowerCase())) return "draft";
  if (value === undefined || value === null || value === "") throw new AppError("bad_request", "Bitte zwei Stände zum Vergleichen angeben (Versionsnummer oder „entwurf“).");
  return parseVersionNumber(value);
}

export type ComparedSide = { ref: VersionRef; label: string; meta: VersionMeta | null };

/**
 * Compare two states of a concept (every role that may read it). The older
 * state goes left: asking for 5 → 2 compares 2 with 5.
 */
export async function compareVersions(actor: Actor, input: { conceptId: string; from: unknown; to: unknown }) {
  let from = parseVersionRef(input.from);
  let to = parseVersionRef(input.to);
  const { concept, role } = await requireConcept(actor, input.conceptId, "concept.read");
  if (from === to) throw new AppError("bad_request", "Bitte zwei verschiedene Stände zum Vergleichen wählen.");
  if (from === "draft" || (to !== "draft" && from > to)) [from, to] = [to, from];

  const load = async (ref: VersionRef) => {
    if (ref === "draft") {
      const snapshot = await readConceptSnapshot(concept);
      return { side: { ref, label: "Aktueller Entwurf", meta: null } as ComparedSide, snapshot };
    }
    const v = await loadVersion(concept.id, ref);
    return { side: { ref, label: `Version ${ref}: ${v.meta.label}`, meta: v.meta } as ComparedSide, snapshot: { data: v.valid.data, ids: v.ids } };
  };
  const [a, b] = await Promise.all([load(from), load(to)]);
  const comparison: ConceptComparison = compareSnapshots(a.snapshot, b.snapshot);
  // Names of the people whose open proposals the two sides hold (members only; a former member stays unnamed).
  const authors = comparison.sections.flatMap((s) => [...s.proposals.before, ...s.proposals.after].map((p) => p.author ?? ""));
  const proposalAuthors = Object.fromEntries(await memberNames({ municipalityId: concept.municipalityId, userIds: authors }));
  return { concept, role, from: a.side, to: b.side, comparison, proposalAuthors };
}
