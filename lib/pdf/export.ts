import "server-only";
import { getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { getLogo, getMunicipalityName } from "@/db/queries/logos";
import { listVersionRows } from "@/db/queries/versions";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { buildConceptExport, type ConceptExport } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { fileDay, fileSlug } from "@/lib/http/download";
import { loadVersion } from "@/lib/versions/read";
import { buildPdfModel, type HistoryEntry, type PdfModel } from "./model";
import { renderPdf } from "./render";

export type PdfOptions = {
  /** a stored version; null/undefined for the current draft */
  version?: number | null;
  /** add the version history as an annex */
  history?: boolean;
};

/** File name of the PDF: Integrationskonzept_<Kommune>_v<n>_<YYYY-MM-DD>.pdf (ASCII) and its UTF-8 original for filename*. */
export function pdfFileName(municipality: string, version: number | null, date: Date): { ascii: string; utf8: string } {
  const day = fileDay(date);
  const v = version === null ? "Entwurf" : `v${version}`;
  const name = fileSlug(municipality, 60, "Kommune");
  return { ascii: `Integrationskonzept_${name.ascii}_${v}_${day}.pdf`, utf8: `Integrationskonzept_${name.utf8}_${v}_${day}.pdf` };
}

/**
 * Everything the PDF and the print preview show, for an actor who may export
 * the concept: the current draft or a stored version, the municipality's name
 * and logo, and optionally the version history.
 */
export async function loadPdfModel(actor: Actor, conceptId: string, options: PdfOptions = {}) {
  const { concept } = await requireConcept(actor, conceptId, "concept.export");
  const now = new Date();
  let data: ConceptExport;
  let version: { number: number; label: string } | null = null;
  let date = now;
  if (options.version) {
    const loaded = await loadVersion(concept.id, options.version);
    data = loaded.snapshot;
    version = { number: loaded.meta.number, label: loaded.meta.label };
    date = loaded.meta.createdAt;
  } else {
    const db = await getDb();
    const tree = await db.transaction((tx) => getConceptTree({ conceptId: concept.id }, tx), { isolationLevel: "repeatable read", accessMode: "read only" });
    data = buildConceptExport({ concept, ...tree }, now);
  }
  const [municipality, logo, history] = await Promise.all([
    getMunicipalityName({ municipalityId: concept.municipalityId }),
    getLogo({ municipalityId: concept.municipalityId }),
    options.history ? listVersionRows({ conceptId: concept.id }) : Promise.resolve(null),
  ]);
  const entries: HistoryEntry[] | null = history
    ? history
        // A version's PDF lists the history up to that version.
        .filter((h) => !version || h.number <= version.number)
        .map((h) => ({ number: h.number, label: h.label, status: h.status, createdAt: h.createdAt, createdByName: h.createdByName }))
    : null;
  const logoKind = logo ? (logo.mediaType === "image/svg+xml" ? "svg" : "png") : null;
  const model: PdfModel = buildPdfModel({ data, municipality: municipality ?? "", version, date, logo: logoKind, history: entries });
  return { model, concept, logo, municipality: municipality ?? "", version, date };
}

/** The concept (or one version) as the PDF a council adopts. */
export async function exportConceptPdf(actor: Actor, conceptId: string, options: PdfOptions = {}) {
  const { model, logo, municipality, version, date } = await loadPdfModel(actor, conceptId, options);
  const files = logo && model.meta.logo ? [{ path: model.meta.logo, bytes: new Uint8Array(logo.bytes) }] : [];
  const result = await renderPdf({ template: "concept", data: model, files });
  return { ...result, fileName: pdfFileName(municipality, version?.number ?? null, date) };
}

/** Parse the query of GET …/export.pdf: ?version=n&history=1. */
export function parsePdfQuery(params: URLSearchParams): PdfOptions {
  const raw = params.get("version");
  let version: number | null = null;
  if (raw !== null && raw !== "") {
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new AppError("bad_request", "Bitte eine gültige Versionsnummer angeben (1, 2, 3 …).");
    version = Number(raw);
  }
  const history = params.get("history");
  return { version, history: history === "1" || history === "true" };
}
