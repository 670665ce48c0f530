import "server-only";
import { isUuid } from "@/db/queries/concepts";
import { getConceptTree } from "@/db/queries/concepts";
import { getStaffCostRate, setStaffCostRate } from "@/db/queries/funding";
import { writeAudited } from "@/db/queries/audit";
import type { Concept } from "@/db/schema";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { MAX_RATE_CENTS, RATE_TOO_LARGE } from "@/lib/measures/schema";
import { computeFunding, type FundingReport } from "./compute";
import { fundingInputFromTree } from "./input";

type Tree = Awaited<ReturnType<typeof getConceptTree>>;

/** Internal: the report for a concept its caller already loaded through requireConcept. */
export async function fundingOfConcept(concept: Concept, tree?: Tree): Promise<FundingReport> {
  const [t, rate] = await Promise.all([tree ?? getConceptTree({ conceptId: concept.id }), getStaffCostRate({ municipalityId: concept.municipalityId })]);
  return computeFunding(fundingInputFromTree({ templateVersion: concept.templateVersion, settings: concept.settings, staffCostPerFteCents: rate, fields: t.fields, measures: t.measures }));
}

/** Chapter 7's overviews and the funding cliff of a concept (everyone who may read it). */
export async function readFunding(actor: Actor, conceptId: string): Promise<FundingReport> {
  const { concept } = await requireConcept(actor, conceptId, "concept.read");
  return fundingOfConcept(concept);
}

/** The municipality's personnel cost rate (admins); null → the documented default. */
export async function changeStaffCostRate(actor: Actor, input: { municipalityId: string; cents: number | null }) {
  if (!isUuid(input.municipalityId)) throw new AppError("not_found");
  await requireRole(actor, input.municipalityId, "municipality.manageSettings");
  const { cents } = input;
  if (cents !== null && (!Number.isSafeInteger(cents) || cents <= 0)) {
    throw new AppError("bad_request", "Personalkostensatz: bitte einen Betrag größer als 0 € angeben.");
  }
  if (cents !== null && cents > MAX_RATE_CENTS) throw new AppError("bad_request", RATE_TOO_LARGE("Personalkostensatz"));
  const { municipalityId } = input;
  await writeAudited(
    (tx) => setStaffCostRate({ municipalityId, cents }, tx),
    () => ({ municipalityId, actorId: actor.id, action: "municipality.staffCostRate", details: { cents } }),
  );
}
