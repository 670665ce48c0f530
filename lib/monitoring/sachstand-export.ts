import "server-only";
import { getConceptTree } from "@/db/queries/concepts";
import { getMunicipalityName } from "@/db/queries/logos";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { statusLabel } from "@/lib/concepts/status";
import { takeExportPoint } from "@/lib/export/limit";
import { fundingOfConcept } from "@/lib/funding/service";
import { fileDay, fileSlug } from "@/lib/http/download";
import { formatDate } from "@/lib/measures/labels";
import { renderPdf } from "@/lib/pdf/render";
import { buildSachstand } from "./sachstand";
import { monitoringOfConcept } from "./service";

/**
 * The Sachstandsbericht as PDF (every role that may export the concept), with
 * the same compiler and queue as the concept PDF: status of every measure,
 * indicator progress, the funding of the report year.
 */
export async function exportSachstandsbericht(actor: Actor, input: { conceptId: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.export");
  await takeExportPoint(actor);
  const tree = await getConceptTree({ conceptId: concept.id });
  const [monitoring, funding, municipality] = await Promise.all([
    monitoringOfConcept(concept, { tree }),
    fundingOfConcept(concept, tree),
    getMunicipalityName({ municipalityId: concept.municipalityId }),
  ]);
  const now = new Date();
  const model = buildSachstand({
    title: concept.title,
    municipality: municipality ?? "",
    conceptStatus: statusLabel(concept.status),
    date: formatDate(now.toISOString()),
    monitoring,
    funding,
  });
  const result = await renderPdf({ template: "sachstand", data: model });
  const name = fileSlug(municipality ?? "", 60, "Kommune");
  const tail = `${model.meta.reportYear}_${fileDay(now)}.pdf`;
  return { ...result, fileName: { ascii: `Sachstandsbericht_${name.ascii}_${tail}`, utf8: `Sachstandsbericht_${name.utf8}_${tail}` } };
}
