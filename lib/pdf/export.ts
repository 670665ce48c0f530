import "server-only";
import { takeExportPoint } from "@/lib/export/limit";
import { getLogo, getMunicipalityName } from "@/db/queries/logos";
import { getStaffCostRate } from "@/db/queries/funding";
import { listVersionRows } from "@/db/queries/versions";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { readConceptSnapshot, type ConceptExport } from "@/lib/concepts/exchange";
import { fileDay, fileSlug } from "@/lib/http/download";
import { loadVersion, parseVersionNumber } from "@/lib/versions/read";
import { listThreadsWithComments } from "@/db/queries/comments";
import type { Concept } from "@/db/schema";
import { resolveThreads } from "@/lib/review/comments";
import { templateFor } from "@/lib/template";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordExport } from "@/lib/ops/metrics";
import { berlinToday } from "@/lib/check/context";
import { keyFigureLinesUntil } from "@/lib/key-figures/change";
import { keyFigureLinesOfConcept } from "@/lib/key-figures/service";
import { checkLogo } from "./logo";
import { buildPdfModel, type HistoryEntry, type PdfCommentThread, type PdfModel, type PdfRound, type PdfSuggestion } from "./model";
import { listRounds } from "@/lib/review/rounds";
import { roundResultRows } from "@/lib/review/round-results";
import { renderPdf } from "./render";
import { currentConceptTree } from "@/lib/realtime/store";
import { memberNames } from "@/db/queries/suggestions";
import { listSuggestions } from "@/lib/suggestions/list";
import { hasSuggestions } from "@/lib/suggestions/resolve";

export type PdfOptions = {
  /** a stored version; null/undefined for the current draft */
  version?: number | null;
  /** add the version history as an annex */
  history?: boolean;
  /** add the open comment threads as an annex */
  comments?: boolean;
  /** add the open proposals (Änderungsvorschläge) of the draft as an annex; the DOCX writes them as tracked changes instead */
  suggestions?: boolean;
  /** add the results of the review rounds as an annex */
  rounds?: boolean;
  /** (DOCX) keep the exported text's open proposals in it, for Word's tracked changes, instead of the annex */
  trackedChanges?: boolean;
};

/** File name of the PDF (or its DOCX/ODT twin): Integrationskonzept_<Kommune>_v<n>_<YYYY-MM-DD>.pdf (ASCII) and its UTF-8 original for filename*. */
export function pdfFileName(municipality: string, version: number | null, date: Date, extension: "pdf" | "docx" | "odt" = "pdf"): { ascii: string; utf8: string } {
  const day = fileDay(date);
  const v = version === null ? "Entwurf" : `v${version}`;
  const name = fileSlug(municipality, 60, "Kommune");
  return { ascii: `Integrationskonzept_${name.ascii}_${v}_${day}.${extension}`, utf8: `Integrationskonzept_${name.utf8}_${v}_${day}.${extension}` };
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
  // A version is costed with the rate it was made with (the one the council adopted), not with today's.
  let keptRate: { perFteCents: number | null } | null = null;
  if (options.version) {
    const loaded = await loadVersion(concept.id, options.version);
    keptRate = loaded.staffCostRate;
    data = loaded.snapshot;
    version = { number: loaded.meta.number, label: loaded.meta.label };
    date = loaded.meta.createdAt;
  } else {
    data = (await readConceptSnapshot(concept, now)).data;
  }
  const [municipality, logo, history, rateToday] = await Promise.all([
    getMunicipalityName({ municipalityId: concept.municipalityId }),
    getLogo({ municipalityId: concept.municipalityId }),
    options.history ? listVersionRows({ conceptId: concept.id }) : Promise.resolve(null),
    getStaffCostRate({ municipalityId: concept.municipalityId }),
  ]);
  const staffCostPerFteCents = keptRate ? keptRate.perFteCents : rateToday;
  const staffCostRateOfToday = !!version && !keptRate;
  const entries: HistoryEntry[] | null = history
    ? history
        // A version's PDF lists the history up to that version.
        .filter((h) => !version || h.number <= version.number)
        .map((h) => ({ number: h.number, label: h.label, status: h.status, createdAt: h.createdAt, createdByName: h.createdByName }))
    : null;
  const logoKind = logo ? (logo.mediaType === "image/svg+xml" ? "svg" : "png") : null;
  const comments = options.comments ? await openCommentsAnnex(concept) : null;
  const suggestions = options.suggestions && !options.trackedChanges ? await openSuggestionsAnnex(concept) : null;
  const proposalAuthors = options.trackedChanges ? await proposalAuthorsOf(data, concept.municipalityId) : null;
  const rounds = options.rounds ? await roundsAnnex(actor, concept) : null;
  // Key figures are not in a version's snapshot: a version prints the values of its year and before.
  const figures = await keyFigureLinesOfConcept(concept.id);
  const keyFigures = version ? keyFigureLinesUntil(figures, Number(berlinToday(date).slice(0, 4))) : figures;
  const model: PdfModel = buildPdfModel({ data, municipality: municipality ?? "", version, date, logo: logoKind, history: entries, comments, suggestions, proposalAuthors, rounds, staffCostPerFteCents, staffCostRateOfToday, keyFigures });
  return { model, concept, logo, municipality: municipality ?? "", version, date };
}

/**
 * The concept (or one version) as the PDF a council adopts. The logo never
 * stops an export: one that fails today's upload checks (stored before they
 * existed) is left out, and if Typst still cannot draw it the document is set
 * again without it. `logoOmitted` says so, for the response header and the UI.
 */
export async function exportConceptPdf(actor: Actor, conceptId: string, options: PdfOptions = {}) {
  // Access first (loadPdfModel: another municipality's concept is a 404, not a count), then the installation's limit.
  const loaded = await loadPdfModel(actor, conceptId, options);
  await takeExportPoint(actor);
  const result = await renderConceptPdf(loaded);
  recordExport("pdf");
  return result;
}

async function renderConceptPdf({ model, concept, logo, municipality, version, date }: Awaited<ReturnType<typeof loadPdfModel>>) {
  const whose = { municipalityId: concept.municipalityId, conceptId: concept.id };
  const fileName = pdfFileName(municipality, version?.number ?? null, date);
  const withoutLogo: PdfModel = { ...model, meta: { ...model.meta, logo: null } };
  if (!logo || !model.meta.logo) return { ...(await renderPdf({ template: "concept", data: model })), fileName, logoOmitted: false };
  if (!checkLogo(Buffer.from(logo.bytes)).ok) {
    log.warn({ event: "pdf.logo_invalid", ...whose }, "Logo besteht die Prüfung nicht mehr und wird weggelassen");
    return { ...(await renderPdf({ template: "concept", data: withoutLogo })), fileName, logoOmitted: true };
  }
  try {
    const result = await renderPdf({ template: "concept", data: model, files: [{ path: model.meta.logo, bytes: new Uint8Array(logo.bytes) }] });
    return { ...result, fileName, logoOmitted: false };
  } catch (error) {
    // Only a failed typesetting is worth a second try; a full queue or an oversized document is not the logo's fault.
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    log.warn({ event: "pdf.logo_failed", ...whose }, "Satz mit Logo fehlgeschlagen, erneut ohne Logo");
    return { ...(await renderPdf({ template: "concept", data: withoutLogo })), fileName, logoOmitted: true };
  }
}

/** Response header of a PDF whose logo was left out (the page shows a note). */
export const LOGO_OMITTED_HEADER = "X-Pdf-Logo";

/** Parse the query of GET …/export.pdf: ?version=n&history=1. */
export function parsePdfQuery(params: URLSearchParams): PdfOptions {
  const raw = params.get("version");
  const version = raw === null || raw === "" ? null : parseVersionNumber(raw);
  const history = params.get("history");
  const comments = params.get("comments");
  const suggestions = params.get("suggestions");
  const rounds = params.get("rounds");
  return {
    version,
    history: history === "1" || history === "true",
    ...(comments === "1" || comments === "true" ? { comments: true } : {}),
    ...(suggestions === "1" || suggestions === "true" ? { suggestions: true } : {}),
    ...(rounds === "1" || rounds === "true" ? { rounds: true } : {}),
  };
}

const pdfDate = (iso: string) => new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" }).format(new Date(iso));

/** The open proposals of the draft (the text itself prints without them) as printable strings, in the order of the parts. */
async function openSuggestionsAnnex(concept: Concept): Promise<PdfSuggestion[]> {
  const tree = await currentConceptTree(concept.id);
  const template = templateFor(concept.templateVersion);
  const chapters = template.chapters.map((c) => c.key);
  const sections = tree.sections
    .filter((s) => hasSuggestions(s.content))
    .sort((a, b) => chapters.indexOf(a.chapter) - chapters.indexOf(b.chapter) || (a.fieldId ?? "").localeCompare(b.fieldId ?? "") || a.part.localeCompare(b.part));
  const found = sections.flatMap((section) => {
    try {
      return listSuggestions(section.content).map((suggestion) => ({ section, suggestion }));
    } catch {
      return [];
    }
  });
  const names = await memberNames({ municipalityId: concept.municipalityId, userIds: found.map((f) => f.suggestion.author ?? "") });
  return found.map(({ section, suggestion: s }) => {
    const field = section.fieldId ? tree.fields.find((f) => f.id === section.fieldId) : null;
    const chapter = template.chapters.find((c) => c.key === section.chapter)?.title ?? section.chapter;
    const part = field ? (template.fieldParts.find((p) => p.key === section.part)?.title ?? null) : null;
    return {
      place: [chapter, field?.title ?? null, part].filter(Boolean).join(" › "),
      author: (s.author && names.get(s.author)) || "Unbekannt",
      date: s.at && !Number.isNaN(Date.parse(s.at)) ? pdfDate(s.at) : "",
      deleted: s.deleted,
      inserted: s.inserted,
    };
  });
}

/** Every review round of the concept with its results, as the round's CSV has them (lib/review/round-results). */
async function roundsAnnex(actor: Actor, concept: Concept): Promise<PdfRound[]> {
  const { rounds, targets } = await listRounds(actor, concept.id);
  return [...rounds]
    .sort((a, b) => a.round.createdAt.getTime() - b.round.createdAt.getTime())
    .map((view) => ({
      title: view.round.title,
      meta: `Version ${view.round.versionNumber} · fällig am ${pdfDate(view.round.dueDate)} · ${view.round.state === "open" ? "offen" : "abgeschlossen"}`,
      rows: roundResultRows(view, targets).map(({ target, reviewer, verdict, note }) => ({ target, reviewer, verdict, note })),
    }));
}

/** The names (members only) of the people whose open proposals the exported text holds. */
async function proposalAuthorsOf(data: ConceptExport, municipalityId: string): Promise<Record<string, string>> {
  const ids = data.sections.flatMap((s) => {
    if (!hasSuggestions(s.content)) return [];
    try {
      return listSuggestions(s.content).map((x) => x.author ?? "");
    } catch {
      return [];
    }
  });
  return Object.fromEntries(await memberNames({ municipalityId, userIds: ids }));
}

/** The open threads of the concept (anchors resolved against the current text) as printable strings. */
async function openCommentsAnnex(concept: Concept): Promise<PdfCommentThread[]> {
  const tree = await currentConceptTree(concept.id);
  const threads = resolveThreads(await listThreadsWithComments({ conceptId: concept.id }), tree.sections).filter((t) => t.state === "open");
  const template = templateFor(concept.templateVersion);
  const chapterTitle = (key: string) => template.chapters.find((c) => c.key === key)?.title ?? key;
  const fieldTitle = (key: string | null) => (key ? (tree.fields.find((f) => f.key === key)?.title ?? key) : null);
  const partTitle = (key: string | null) => (key ? (template.fieldParts.find((p) => p.key === key)?.title ?? null) : null);
  return threads.map((t) => {
    const field = fieldTitle(t.fieldKey);
    const measure = t.measureId ? tree.measures.find((m) => m.id === t.measureId)?.title : null;
    const place = [chapterTitle(t.chapter), field, field && t.targetKind === "text" ? partTitle(t.part) : null, measure ? `Maßnahme „${measure}“` : null, t.targetKind === "suggestion" ? "Antwort auf einen Änderungsvorschlag" : null].filter(Boolean).join(" › ");
    return {
      place,
      quote: t.quote,
      removed: t.anchorState === "removed",
      entries: t.comments.map((c) => ({
        author: c.authorName ?? "Unbekannt",
        date: pdfDate(c.createdAt),
        text: c.state === "deleted" ? "(gelöscht)" : c.state === "hidden" ? "(ausgeblendet)" : c.body,
      })),
    };
  });
}
