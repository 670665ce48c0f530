import "server-only";
import { getMunicipalityName } from "@/db/queries/logos";
import type { Actor } from "@/lib/authz/require-role";
import { formatDate } from "@/lib/measures/labels";
import { pdfFileName } from "@/lib/pdf/export";
import { renderPdf } from "@/lib/pdf/render";
import { takeExportPoint } from "@/lib/export/limit";
import { compareVersions, type VersionRef } from "./compare";
import { buildSynopse } from "./synopse";

const refName = (ref: VersionRef) => (ref === "draft" ? "Entwurf" : `v${ref}`);

/** The Synopse of two states as PDF (every role that may read the concept), with the same compiler and queue as the concept PDF. */
export async function exportSynopsePdf(actor: Actor, input: { conceptId: string; from: unknown; to: unknown }) {
  const { concept, from, to, comparison } = await compareVersions(actor, input);
  await takeExportPoint(actor);
  const municipality = (await getMunicipalityName({ municipalityId: concept.municipalityId })) ?? "";
  const now = new Date();
  const model = buildSynopse({
    conceptTitle: concept.title,
    municipality,
    fromLabel: from.label,
    toLabel: to.label,
    comparison,
    date: formatDate(now.toISOString()),
  });
  const result = await renderPdf({ template: "synopse", data: model });
  const name = pdfFileName(municipality, null, now);
  const range = `${refName(from.ref)}-${refName(to.ref)}`;
  const rename = (s: string) => s.replace(/^Integrationskonzept_/, "Synopse_").replace(/_Entwurf_(\d{4}-\d{2}-\d{2}\.pdf)$/, `_${range}_$1`);
  return { ...result, fileName: { ascii: rename(name.ascii), utf8: rename(name.utf8) } };
}
