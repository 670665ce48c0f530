import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { UserList } from "@/components/ui/user-list";
import { IntentLink } from "@/components/ui/intent-link";
import type { JSONContent } from "@tiptap/core";
import { pageActor } from "@/lib/auth/session";
import { renderHtml } from "@/lib/editor/render";
import { loadPdfModel, parsePdfQuery } from "@/lib/pdf/export";
import { INDICATOR_OVERVIEW_COLUMNS, type PdfGoalTree, type PdfIndicatorRow, type PdfMeasure, type PdfModel, type Row } from "@/lib/pdf/model";
import "@/components/concept/print-preview.css";
import { FundingOverview } from "@/components/funding/funding-overview";
import { FundingTable } from "@/components/funding/view-table";
import { orNotFound } from "@/lib/http/page";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(conceptId: string, search: Record<string, string | string[] | undefined>) {
  const actor = await pageActor();
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (typeof v === "string") params.set(k, v);
  // A bad query (?version=abc) is a 404 too, like a version that does not exist.
  const model = (async () => ({ ...(await loadPdfModel(actor, conceptId, parsePdfQuery(params))), query: params.toString() }))();
  return orNotFound(model, ["not_found", "bad_request"]);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { model } = await load((await params).conceptId, await searchParams);
  const t = await getTranslations("printPreview");
  return { title: t("metaTitle", { title: model.meta.title }) };
}

/** Rich text as the editor's static HTML (Tiptap, the one extension list). */
function Rich({ doc, empty = "Kein Text." }: { doc: JSONContent | null; empty?: string }) {
  if (!doc) return <p className="print-empty">{empty}</p>;
  return <div className="print-rich" dangerouslySetInnerHTML={{ __html: renderHtml(doc) }} />;
}

/** A fact's value: one isolated string, or a list with one item per entry. */
function FactValue({ value }: { value: Row["value"] }) {
  return typeof value === "string" ? <bdi>{value}</bdi> : <UserList items={value} className="print-fact-list" />;
}

function Measure({ m }: { m: PdfMeasure }) {
  return (
    <article className="print-measure" aria-labelledby={`m-${m.number}`}>
      <h5 id={`m-${m.number}`}>
        {m.number} <bdi>{m.title}</bdi>
      </h5>
      {m.description ? <Rich doc={m.description} /> : null}
      {m.facts.length ? (
        <table className="print-facts">
          <caption>Angaben</caption>
          <tbody>
            {m.facts.map((f) => (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                <td>
                  <FactValue value={f.value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {m.funding.length ? (
        <ScrollBox label="Förderung">
        <table>
          <thead>
            <tr>
              <th scope="col">Förderquelle</th>
              <th scope="col">Programm</th>
              <th scope="col">Betrag pro Jahr</th>
              <th scope="col">bis</th>
            </tr>
          </thead>
          <tbody>
            {m.funding.map((f, i) => (
              <tr key={i}>
                <td>{f.source}</td>
                <td>{f.programme}</td>
                <td className="num">{f.amount}</td>
                <td>{f.until}</td>
              </tr>
            ))}
            {m.fundingTotal ? (
              <tr>
                <th scope="row" colSpan={2}>
                  Summe
                </th>
                <td className="num">
                  <strong>{m.fundingTotal}</strong>
                </td>
                <td />
              </tr>
            ) : null}
          </tbody>
        </table>
        </ScrollBox>
      ) : null}
      {m.indicators.length ? (
        <ScrollBox label="Indikatoren">
        <table>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col">Art</th>
              <th scope="col">Basiswert → Zielwert</th>
              <th scope="col">Einheit</th>
              <th scope="col">Datenquelle, Turnus</th>
            </tr>
          </thead>
          <tbody>
            {m.indicators.map((x, i) => (
              <tr key={i}>
                <td>{x.name}</td>
                <td>{x.kind}</td>
                <td>
                  {x.baseline} → {x.target}
                </td>
                <td>{x.unit}</td>
                <td>{[x.dataSource, x.cadence].filter(Boolean).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      ) : null}
    </article>
  );
}

function IndicatorOverview({ rows, field }: { rows: PdfIndicatorRow[]; field: string }) {
  return (
    <ScrollBox label="Indikatoren im Überblick">
    <table>
      <caption className="visually-hidden">Indikatoren im Überblick – {field}</caption>
      <thead>
        <tr>
          {INDICATOR_OVERVIEW_COLUMNS.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {[r.measure, r.name, r.kind, r.unit, r.range, r.dataSource, r.cadence].map((v, j) => (
              <td key={j}>
                <bdi>{v}</bdi>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}

/** The goal tree as nested lists: sub-goal → measures → indicators (as in the PDF). */
function GoalTree({ tree }: { tree: PdfGoalTree }) {
  return (
    <>
      {tree.goal ? (
        <p>
          <strong>Leitziel:</strong> <bdi>{tree.goal}</bdi>
        </p>
      ) : null}
      <ul className="print-goal-tree">
        {tree.branches.map((b, i) => (
          <li key={i}>
            {b.subGoal ? (
              <strong>
                <bdi>{b.head}</bdi>
              </strong>
            ) : (
              <em>{b.head}</em>
            )}
            {b.note || b.measures.length ? (
              <ul>
                {b.note ? <li className="print-empty">{b.note}</li> : null}
                {b.measures.map((m, j) => (
                  <li key={j}>
                    <bdi>{m.measure}</bdi>
                    {m.indicators.length ? <UserList items={m.indicators} className="print-goal-tree-indicators" /> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function Funding({ f }: { f: NonNullable<PdfModel["chapters"][number]["funding"]> }) {
  return (
    <>
      <h3>Übersicht aus den Maßnahmen</h3>
      <FundingOverview view={f} language="document" />
    </>
  );
}

/**
 * The print preview: the same structure as the PDF (lib/pdf/model.ts), as
 * HTML, so staff can check before downloading. Printing it from the browser
 * works too, but the PDF is the document of record (hyphenation, bookmarks,
 * PDF/UA).
 */
export default async function PrintPreviewPage({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const { model, query, concept } = await load(conceptId, await searchParams);
  const { meta } = model;
  const t = await getTranslations("printPreview");
  const locale = await getLocale();
  // The document is in the concept's language (German, like the PDF it previews); only the toolbar follows the UI.
  return (
    <div className={`print-preview${meta.draft ? " print-draft" : ""}`} lang="de">
      <div className="print-toolbar actions-row" lang={locale}>
        <IntentLink className="button-secondary" href={`/concepts/${conceptId}`}>
          {t("backToConcept")}
        </IntentLink>
        <a className="button" href={`/api/concepts/${conceptId}/export.pdf${query ? `?${query}` : ""}`} download>
          {t("download")}
        </a>
        {meta.draft ? <span className="print-badge">{t("draftBadge")}</span> : null}
        {locale === DEFAULT_LOCALE ? null : <p className="meta">{t("languageNote")}</p>}
      </div>
      <header className="print-cover">
        {meta.logo ? <img src={`/api/municipalities/${concept.municipalityId}/logo`} alt={`Wappen oder Logo: ${meta.municipality}`} className="print-logo" /> : null}
        <p className="print-municipality">{meta.municipality}</p>
        <p className="print-kind">Integrationskonzept</p>
        <h1>{meta.title}</h1>
        <dl>
          <dt>Status</dt>
          <dd>{meta.status}</dd>
          <dt>Fassung</dt>
          <dd>{meta.version}</dd>
          <dt>Stand</dt>
          <dd>{meta.date}</dd>
        </dl>
      </header>
      <nav className="print-toc" aria-labelledby="print-toc-h">
        <h2 id="print-toc-h">Inhalt</h2>
        <ol>
          {model.chapters.map((c) => (
            <li key={c.key}>
              <a href={`#p-${c.key}`}>
                {c.number} {c.title}
              </a>
              {c.fields.length ? (
                <ol>
                  {c.fields.map((f) => (
                    <li key={f.key}>
                      <a href={`#p-f-${f.key}`}>
                        {f.number} <bdi>{f.title}</bdi>
                      </a>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
          {model.history ? (
            <li>
              <a href="#p-history">Anhang: Versionsverlauf</a>
            </li>
          ) : null}
        </ol>
      </nav>
      {model.chapters.map((c) => (
        <section key={c.key} id={`p-${c.key}`} className="print-chapter" aria-labelledby={`p-h-${c.key}`}>
          <h2 id={`p-h-${c.key}`}>
            {c.number} {c.title}
          </h2>
          {c.settings.length ? (
            <table className="print-facts">
              <caption>Angaben</caption>
              <tbody>
                {c.settings.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    <td>
                      <FactValue value={r.value} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {c.funding ? <Funding f={c.funding} /> : null}
          {c.parts.map((p, i) => (
            <div key={i}>
              {p.title ? <h3>{p.title}</h3> : null}
              {p.doc || c.fields.length === 0 ? <Rich doc={p.doc} /> : null}
            </div>
          ))}
          {c.keyFigures ? (
            <div data-testid="preview-key-figures">
              <h3>Kennzahlen</h3>
              <FundingTable table={c.keyFigures} />
            </div>
          ) : null}
          {c.fields.map((f) => (
            <section key={f.key} id={`p-f-${f.key}`} aria-labelledby={`p-h-f-${f.key}`}>
              <h3 id={`p-h-f-${f.key}`}>
                {f.number} <bdi>{f.title}</bdi>
              </h3>
              {f.parts.map((p) => (
                <div key={p.title}>
                  <h4>{p.title}</h4>
                  {p.kind === "richText" ? (
                    <Rich doc={p.doc} />
                  ) : p.kind === "subGoals" ? (
                    p.items.length ? (
                      <ol>
                        {p.items.map((g, i) => (
                          <li key={i}>{g}</li>
                        ))}
                      </ol>
                    ) : (
                      <p className="print-empty">Keine Teilziele.</p>
                    )
                  ) : p.kind === "indicatorOverview" ? (
                    <IndicatorOverview rows={p.rows} field={f.title} />
                  ) : p.kind === "goalTree" ? (
                    <GoalTree tree={p.tree} />
                  ) : p.items.length ? (
                    p.items.map((m) => <Measure key={m.number} m={m} />)
                  ) : (
                    <p className="print-empty">Keine Maßnahmen.</p>
                  )}
                </div>
              ))}
            </section>
          ))}
        </section>
      ))}
      {model.history ? (
        <section id="p-history" className="print-chapter" aria-labelledby="p-h-history">
          <h2 id="p-h-history">Anhang: Versionsverlauf</h2>
          {model.history.length ? (
            <ScrollBox label="Versionsverlauf">
            <table>
              <thead>
                <tr>
                  <th scope="col">Nr.</th>
                  <th scope="col">Bezeichnung</th>
                  <th scope="col">Status</th>
                  <th scope="col">Datum</th>
                  <th scope="col">Erstellt von</th>
                </tr>
              </thead>
              <tbody>
                {model.history.map((h) => (
                  <tr key={h.number}>
                    <td>{h.number}</td>
                    <td>{h.label}</td>
                    <td>{h.status}</td>
                    <td>{h.date}</td>
                    <td>{h.author}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </ScrollBox>
          ) : (
            <p className="print-empty">Es gibt noch keine gespeicherten Fassungen.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
