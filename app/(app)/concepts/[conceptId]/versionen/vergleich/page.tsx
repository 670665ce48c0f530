import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { compareVersions } from "@/lib/versions/compare";
import type { GroupSummary, MeasureComparison, SectionComparison } from "@/lib/versions/diff/concept";
import { renderDiffHtml } from "@/lib/versions/diff/render";
import { listVersions } from "@/lib/versions/read";
import { WordDiff } from "@/components/versions/word-diff";
import { ListDiff } from "@/components/versions/list-diff";
import { VersionOptions } from "@/components/versions/version-options";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = {
  params: Promise<{ conceptId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Vergleich zweier Stände" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const plural = (n: number, singular: string, pluralForm: string) => `${n} ${n === 1 ? singular : pluralForm}`;

function groupLine(g: GroupSummary) {
  const parts = [
    g.sections ? plural(g.sections, "Abschnitt geändert", "Abschnitte geändert") : "",
    g.measures.added ? plural(g.measures.added, "Maßnahme neu", "Maßnahmen neu") : "",
    g.measures.changed ? plural(g.measures.changed, "Maßnahme geändert", "Maßnahmen geändert") : "",
    g.measures.removed ? plural(g.measures.removed, "Maßnahme entfernt", "Maßnahmen entfernt") : "",
    g.other ? "Teilziele oder Bezeichnung geändert" : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/** A compared text: a pasted wide table scrolls inside it, never the page. */
function DiffText({ html, label, className }: { html: string; label: string; className?: string }) {
  return (
    <ScrollBox label={label} className={`rich-static${className ? ` ${className}` : ""}`}>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </ScrollBox>
  );
}

function Section({ s, view, fromLabel, toLabel }: { s: SectionComparison; view: "inline" | "side"; fromLabel: string; toLabel: string }) {
  const title = s.partTitle ? `${s.partTitle}` : "Text";
  const state = s.state === "added" ? "neu" : s.state === "removed" ? "entfernt" : s.state === "changed" ? "geändert" : "unverändert";
  if (s.state === "unchanged") {
    return (
      <details className="diff-section is-unchanged">
        <summary>
          {title} <span className="meta">(unverändert)</span>
        </summary>
        <DiffText label={title} html={renderDiffHtml(s.diff.after)} />
      </details>
    );
  }
  return (
    <div className="diff-section" data-state={s.state}>
      <h4>
        {title} <span className={`state state-${s.state === "removed" ? "empty" : "started"}`}>{state}</span>
      </h4>
      {view === "inline" ? (
        <DiffText label={title} className="diff-inline" html={renderDiffHtml(s.diff.inline)} />
      ) : (
        <div className="diff-columns">
          <div>
            <p className="diff-column-head">{fromLabel}</p>
            <DiffText label={`${title} – ${fromLabel}`} html={renderDiffHtml(s.diff.before)} />
          </div>
          <div>
            <p className="diff-column-head">{toLabel}</p>
            <DiffText label={`${title} – ${toLabel}`} html={renderDiffHtml(s.diff.after)} />
          </div>
        </div>
      )}
    </div>
  );
}

function Measure({ m }: { m: MeasureComparison }) {
  if (m.state === "added" || m.state === "removed") {
    return (
      <div className="diff-measure" data-state={m.state}>
        <h4>
          {m.state === "added" ? <ins className="diff-ins">{m.title}</ins> : <del className="diff-del">{m.title}</del>}{" "}
          <span className={`state state-${m.state === "added" ? "complete" : "empty"}`}>{m.state === "added" ? "neue Maßnahme" : "Maßnahme entfernt"}</span>
        </h4>
        <dl className="diff-dl">
          {m.summary.map((row, i) => (
            <div key={i}>
              <dt>{row.label}</dt>
              <dd>
                {row.items ? (
                  <ul className="diff-list">
                    {row.items.map((item, j) => (
                      <li key={j}>{item}</li>
                    ))}
                  </ul>
                ) : (
                  row.value
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  return (
    <div className="diff-measure" data-state="changed">
      <h4>
        {m.title} <span className="state state-started">Maßnahme geändert</span>
      </h4>
      {m.diff!.fields.length ? (
        <ScrollBox label={`Geänderte Angaben der Maßnahme „${m.title}“`}>
        <table className="table diff-fields">
          <caption className="visually-hidden">Geänderte Angaben der Maßnahme „{m.title}“</caption>
          <thead>
            <tr>
              <th scope="col">Angabe</th>
              <th scope="col">vorher</th>
              <th scope="col">nachher</th>
            </tr>
          </thead>
          <tbody>
            {m.diff!.fields.map((f, i) => (
              <tr key={i}>
                <th scope="row">{f.label}</th>
                <td>
                  {f.entries ? <ListDiff entries={f.entries.before} /> : f.words ? <WordDiff parts={f.words} side="before" /> : <del className="diff-del">{f.before}</del>}
                </td>
                <td>{f.entries ? <ListDiff entries={f.entries.after} /> : f.words ? <WordDiff parts={f.words} side="after" /> : <ins className="diff-ins">{f.after}</ins>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      ) : null}
      {m.diff!.description ? (
        <>
          <p className="diff-column-head">Beschreibung</p>
          <DiffText label={`Beschreibung – ${m.title}`} className="diff-inline" html={renderDiffHtml(m.diff!.description.inline)} />
        </>
      ) : null}
    </div>
  );
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const query = await searchParams;
  const view = one(query.ansicht) === "nebeneinander" ? "side" : "inline";
  const showUnchanged = one(query.unveraendert) === "1";
  const actor = await pageActor();

  let result;
  let versions;
  try {
    [result, versions] = await Promise.all([
      compareVersions(actor, { conceptId, from: one(query.von), to: one(query.bis) ?? "entwurf" }),
      listVersions(actor, conceptId),
    ]);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found" && !/Version \d+/.test(error.message)) notFound();
    if (error instanceof AppError) {
      return (
        <>
          <h1>Vergleich zweier Stände</h1>
          <p className="notice notice-error" role="alert">
            {error.message}
          </p>
          <p>
            <Link href={`/concepts/${conceptId}/versionen`}>Zurück zu den Versionen</Link>
          </p>
        </>
      );
    }
    throw error;
  }
  const { concept, from, to, comparison } = result;
  const fromParam = String(from.ref === "draft" ? "entwurf" : from.ref);
  const toParam = String(to.ref === "draft" ? "entwurf" : to.ref);
  const href = (over: Record<string, string>) => {
    const q = new URLSearchParams({ von: fromParam, bis: toParam, ...(view === "side" ? { ansicht: "nebeneinander" } : {}), ...(showUnchanged ? { unveraendert: "1" } : {}), ...over });
    for (const [k, v] of [...q.entries()]) if (v === "") q.delete(k);
    return `/concepts/${concept.id}/versionen/vergleich?${q}`;
  };
  const fromShort = from.ref === "draft" ? "Entwurf" : `Version ${from.ref}`;
  const toShort = to.ref === "draft" ? "Entwurf" : `Version ${to.ref}`;
  const t = comparison.totals;
  const changedGroups = comparison.groups.filter((g) => groupLine(g));
  const pdfHref = `/api/concepts/${concept.id}/compare.pdf?from=${fromParam === "entwurf" ? "draft" : fromParam}&to=${toParam === "entwurf" ? "draft" : toParam}`;

  const groups = comparison.groups
    .map((g) => ({
      g,
      sections: comparison.sections.filter((s) => s.group.key === g.key && (showUnchanged || s.state !== "unchanged")),
      measures: comparison.measures.filter((m) => m.group.key === g.key && m.state !== "unchanged"),
    }))
    .filter((x) => x.sections.length || x.measures.length);

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>Vergleich: {concept.title}</h1>
          <p className="meta">
            <span className="diff-side-label">{from.label}</span> → <span className="diff-side-label">{to.label}</span>
          </p>
        </div>
        <div className="actions-row">
          <a className="button-secondary" href={pdfHref} download>
            Synopse als PDF
          </a>
          <Link className="button-secondary" href={`/concepts/${concept.id}/versionen`}>
            Zurück zu den Versionen
          </Link>
        </div>
      </div>

      <form className="actions-row card compare-controls" method="get" action={`/concepts/${concept.id}/versionen/vergleich`}>
        <div className="field">
          <label htmlFor="cmp-from">Älterer Stand</label>
          <select id="cmp-from" name="von" defaultValue={fromParam}>
            <VersionOptions versions={versions} />
            <option value="entwurf">Aktueller Entwurf</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="cmp-to">Neuerer Stand</label>
          <select id="cmp-to" name="bis" defaultValue={toParam}>
            <option value="entwurf">Aktueller Entwurf</option>
            <VersionOptions versions={versions} />
          </select>
        </div>
        <fieldset className="field">
          <legend>Darstellung</legend>
          <label>
            <input type="radio" name="ansicht" value="" defaultChecked={view === "inline"} /> Im Text
          </label>{" "}
          <label>
            <input type="radio" name="ansicht" value="nebeneinander" defaultChecked={view === "side"} /> Nebeneinander
          </label>
        </fieldset>
        <label className="field" style={{ alignSelf: "end" }}>
          <span>
            <input type="checkbox" name="unveraendert" value="1" defaultChecked={showUnchanged} /> Unveränderte Abschnitte zeigen
          </span>
        </label>
        <button type="submit" className="button" style={{ alignSelf: "end" }}>
          Anzeigen
        </button>
      </form>

      <section className="card" aria-labelledby="summary-heading" style={{ margin: "1.25rem 0" }}>
        <h2 id="summary-heading" style={{ marginTop: 0 }}>
          Zusammenfassung
        </h2>
        <p>
          {t.sections === 0 && t.measuresAdded + t.measuresRemoved + t.measuresChanged + t.general === 0
            ? "Zwischen beiden Ständen gibt es keine Unterschiede."
            : [
                plural(t.sections, "Abschnitt geändert", "Abschnitte geändert"),
                t.measuresChanged ? plural(t.measuresChanged, "Maßnahme geändert", "Maßnahmen geändert") : "",
                t.measuresAdded ? plural(t.measuresAdded, "Maßnahme neu", "Maßnahmen neu") : "",
                t.measuresRemoved ? plural(t.measuresRemoved, "Maßnahme entfernt", "Maßnahmen entfernt") : "",
                t.general ? plural(t.general, "weitere Angabe geändert", "weitere Angaben geändert") : "",
              ]
                .filter(Boolean)
                .join(" · ")}
        </p>
        {changedGroups.length ? (
          <ScrollBox label="Änderungen je Kapitel und Handlungsfeld">
          <table className="table">
            <caption className="visually-hidden">Änderungen je Kapitel und Handlungsfeld</caption>
            <thead>
              <tr>
                <th scope="col">Kapitel / Handlungsfeld</th>
                <th scope="col">Änderungen</th>
              </tr>
            </thead>
            <tbody>
              {changedGroups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">
                    <a href={`#${g.key.replace(":", "-")}`}>
                      {g.number} {g.title}
                    </a>
                  </th>
                  <td>{groupLine(g)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollBox>
        ) : null}
        <p className="meta diff-legend">
          Legende: <ins className="diff-ins">eingefügt</ins> · <del className="diff-del">gelöscht</del> · <span className="diff-legend-moved">gestrichelt: verschoben</span> · ¶ Absatzwechsel
          {!showUnchanged && t.unchangedSections ? (
            <>
              {" "}
              · {plural(t.unchangedSections, "unveränderter Abschnitt ist", "unveränderte Abschnitte sind")} ausgeblendet (
              <Link href={href({ unveraendert: "1" })}>einblenden</Link>)
            </>
          ) : null}
        </p>
      </section>

      {comparison.general.length ? (
        <section className="chapter" aria-labelledby="general-heading">
          <h2 id="general-heading">Titel, Angaben und Handlungsfelder</h2>
          <ScrollBox label="Titel, Angaben und Handlungsfelder">
          <table className="table diff-fields">
            <thead>
              <tr>
                <th scope="col">Angabe</th>
                <th scope="col">{fromShort}</th>
                <th scope="col">{toShort}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.general.map((f, i) => (
                <tr key={i}>
                  <th scope="row">{f.label}</th>
                  <td style={{ whiteSpace: "pre-line" }}>{f.words ? <WordDiff parts={f.words} side="before" /> : <del className="diff-del">{f.before}</del>}</td>
                  <td style={{ whiteSpace: "pre-line" }}>{f.words ? <WordDiff parts={f.words} side="after" /> : <ins className="diff-ins">{f.after}</ins>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollBox>
        </section>
      ) : null}

      {groups.map(({ g, sections, measures }) => (
        <section key={g.key} id={g.key.replace(":", "-")} className="chapter" aria-labelledby={`h-${g.key.replace(":", "-")}`}>
          <h2 id={`h-${g.key.replace(":", "-")}`}>
            {g.number} {g.title}
          </h2>
          {sections.map((s) => (
            <Section key={s.key} s={s} view={view} fromLabel={fromShort} toLabel={toShort} />
          ))}
          {measures.length ? (
            <>
              <h3>Maßnahmen</h3>
              {measures.map((m) => (
                <Measure key={m.id} m={m} />
              ))}
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}
