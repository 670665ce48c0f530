import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import type { useTranslations } from "next-intl";
import { notFound } from "next/navigation";
import { pageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { compareVersions } from "@/lib/versions/compare";
import type { GroupSummary, MeasureComparison, SectionComparison } from "@/lib/versions/diff/concept";
import { renderDiffHtmlKeyed } from "@/lib/versions/diff/render";
import { listVersions } from "@/lib/versions/read";
import { WordDiff } from "@/components/versions/word-diff";
import { ListDiff } from "@/components/versions/list-diff";
import { VersionOptions } from "@/components/versions/version-options";
import { requestDomainText } from "@/lib/i18n/domain-server";
import { getTemplateText } from "@/lib/i18n/server";
import type { DomainText } from "@/lib/i18n/domain-text";
import { ScrollBox } from "@/components/ui/scroll-box";
import { OpenProposals } from "@/components/versions/open-proposals";
import { DiffHtml } from "@/components/versions/diff-html";
import { isDocumentRequest } from "@/lib/http/page-load";
import { headers } from "next/headers";
import { cache } from "react";
import type { JSONContent } from "@tiptap/core";

type Props = {
  params: Promise<{ conceptId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type T = ReturnType<typeof useTranslations<"compare">>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("metaTitle") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function groupLine(g: GroupSummary, t: T) {
  const parts = [
    g.sections ? t("sectionsChanged", { count: g.sections }) : "",
    g.measures.added ? t("measuresAdded", { count: g.measures.added }) : "",
    g.measures.changed ? t("measuresChanged", { count: g.measures.changed }) : "",
    g.measures.removed ? t("measuresRemoved", { count: g.measures.removed }) : "",
    g.other ? t("otherChanged") : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/** Whether the app's router asked for this page (then the compared texts go into the payload: no HTML holds them). */
const inAppNavigation = cache(async () => !isDocumentRequest(await headers()));

/** A compared text: a pasted wide table scrolls inside it, never the page. Its HTML is sent once (DiffHtml). */
async function DiffText({ doc, label, className }: { doc: JSONContent; label: string; className?: string }) {
  const { key, html } = renderDiffHtmlKeyed(doc);
  return (
    <ScrollBox label={label} className={`rich-static${className ? ` ${className}` : ""}`}>
      <DiffHtml htmlKey={key} html={(await inAppNavigation()) ? html : undefined} />
    </ScrollBox>
  );
}

type Names = Record<string, string>;

/** The open proposals of each side, as proposals: the compared text above is the text without them. */
function Proposals({ s, fromLabel, toLabel, names, t }: { s: SectionComparison; fromLabel: string; toLabel: string; names: Names; t: T }) {
  const labels = { someone: t("proposalSomeone"), insert: t("proposalInsert"), delete: t("proposalDelete") };
  return (
    <>
      <OpenProposals proposals={s.proposals.before} names={names} labels={labels} heading={t("openProposals", { count: s.proposals.before.length, side: fromLabel })} />
      <OpenProposals proposals={s.proposals.after} names={names} labels={labels} heading={t("openProposals", { count: s.proposals.after.length, side: toLabel })} />
    </>
  );
}

function Section({ s, view, fromLabel, toLabel, names, t, dt }: { s: SectionComparison; view: "inline" | "side"; fromLabel: string; toLabel: string; names: Names; t: T; dt: DomainText }) {
  const title = s.partTitle ? dt(s.partTitle) : t("text");
  const state = t(`state.${s.state}`);
  const proposals = <Proposals s={s} fromLabel={fromLabel} toLabel={toLabel} names={names} t={t} />;
  if (s.state === "unchanged") {
    return (
      <div className="diff-section is-unchanged">
        <details>
          <summary>
            {title} <span className="meta">({t("state.unchanged")})</span>
          </summary>
          <DiffText label={title} doc={s.diff.after} />
        </details>
        {proposals}
      </div>
    );
  }
  return (
    <div className="diff-section" data-state={s.state}>
      <h4>
        {title} <span className={`state state-${s.state === "removed" ? "empty" : "started"}`}>{state}</span>
      </h4>
      {view === "inline" ? (
        <DiffText label={title} className="diff-inline" doc={s.diff.inline} />
      ) : (
        <div className="diff-columns">
          <div>
            <p className="diff-column-head">{fromLabel}</p>
            <DiffText label={`${title} – ${fromLabel}`} doc={s.diff.before} />
          </div>
          <div>
            <p className="diff-column-head">{toLabel}</p>
            <DiffText label={`${title} – ${toLabel}`} doc={s.diff.after} />
          </div>
        </div>
      )}
      {proposals}
    </div>
  );
}

function Measure({ m, t, dt }: { m: MeasureComparison; t: T; dt: DomainText }) {
  if (m.state === "added" || m.state === "removed") {
    return (
      <div className="diff-measure" data-state={m.state}>
        <h4>
          {m.state === "added" ? <ins className="diff-ins">{m.title}</ins> : <del className="diff-del">{m.title}</del>}{" "}
          <span className={`state state-${m.state === "added" ? "complete" : "empty"}`}>{m.state === "added" ? t("measureAdded") : t("measureRemoved")}</span>
        </h4>
        <dl className="diff-dl">
          {m.summary.map((row, i) => (
            <div key={i}>
              <dt>{dt(row.label)}</dt>
              <dd>
                {row.items ? (
                  <ul className="diff-list">
                    {row.items.map((item, j) => (
                      <li key={j}>{item}</li>
                    ))}
                  </ul>
                ) : (
                  dt(row.value)
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
        {m.title} <span className="state state-started">{t("measureChanged")}</span>
      </h4>
      {m.diff!.fields.length ? (
        <ScrollBox label={t("measureFieldsCaption", { title: m.title })}>
        <table className="table diff-fields">
          <caption className="visually-hidden">{t("measureFieldsCaption", { title: m.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colField")}</th>
              <th scope="col">{t("colBefore")}</th>
              <th scope="col">{t("colAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {m.diff!.fields.map((f, i) => (
              <tr key={i}>
                <th scope="row">{dt(f.label)}</th>
                <td>
                  {f.entries ? <ListDiff entries={f.entries.before} /> : f.words ? <WordDiff parts={f.words} side="before" /> : <del className="diff-del">{dt(f.before)}</del>}
                </td>
                <td>{f.entries ? <ListDiff entries={f.entries.after} /> : f.words ? <WordDiff parts={f.words} side="after" /> : <ins className="diff-ins">{dt(f.after)}</ins>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      ) : null}
      {m.diff!.description ? (
        <>
          <p className="diff-column-head">{t("description")}</p>
          <DiffText label={t("descriptionOf", { title: m.title })} className="diff-inline" doc={m.diff!.description.inline} />
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
  const t = await getTranslations("compare");
  const dt = await requestDomainText();
  const tt = await getTemplateText();

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
          <h1>{t("metaTitle")}</h1>
          <p className="notice notice-error" role="alert">
            {dt(error.message)}
          </p>
          <p>
            <IntentLink href={`/concepts/${conceptId}/versionen`}>{t("backToVersions")}</IntentLink>
          </p>
        </>
      );
    }
    throw error;
  }
  const { concept, from, to, comparison, proposalAuthors } = result;
  const fromParam = String(from.ref === "draft" ? "entwurf" : from.ref);
  const toParam = String(to.ref === "draft" ? "entwurf" : to.ref);
  const href = (over: Record<string, string>) => {
    const q = new URLSearchParams({ von: fromParam, bis: toParam, ...(view === "side" ? { ansicht: "nebeneinander" } : {}), ...(showUnchanged ? { unveraendert: "1" } : {}), ...over });
    for (const [k, v] of [...q.entries()]) if (v === "") q.delete(k);
    return `/concepts/${concept.id}/versionen/vergleich?${q}`;
  };
  const fromShort = from.ref === "draft" ? t("draft") : t("version", { number: from.ref });
  const toShort = to.ref === "draft" ? t("draft") : t("version", { number: to.ref });
  const totals = comparison.totals;
  const changedGroups = comparison.groups.filter((g) => groupLine(g, t));
  // Chapters and standard fields by their template key; a municipality's own field keeps its title.
  const groupTitle = (g: { key: string; kind: "chapter" | "field"; title: string }) =>
    g.kind === "chapter" ? tt.chapterTitle({ key: g.key.replace(/^chapter:/, ""), title: g.title }) : tt.fieldTitle({ key: g.key.replace(/^field:/, ""), title: g.title });
  const pdfHref = `/api/concepts/${concept.id}/compare.pdf?from=${fromParam === "entwurf" ? "draft" : fromParam}&to=${toParam === "entwurf" ? "draft" : toParam}`;

  const groups = comparison.groups
    .map((g) => ({
      g,
      sections: comparison.sections.filter((s) => s.group.key === g.key && (showUnchanged || s.state !== "unchanged" || s.proposals.before.length + s.proposals.after.length > 0)),
      measures: comparison.measures.filter((m) => m.group.key === g.key && m.state !== "unchanged"),
    }))
    .filter((x) => x.sections.length || x.measures.length);

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>{t("title", { title: concept.title })}</h1>
          <p className="meta">
            <bdi className="diff-side-label">{dt(from.label)}</bdi> → <bdi className="diff-side-label">{dt(to.label)}</bdi>
          </p>
        </div>
        <div className="actions-row">
          <a className="button-secondary" href={pdfHref} download>
            {t("synopsisPdf")}
          </a>
          <IntentLink className="button-secondary" href={`/concepts/${concept.id}/versionen`}>
            {t("backToVersions")}
          </IntentLink>
        </div>
      </div>

      <form className="actions-row card compare-controls" method="get" action={`/concepts/${concept.id}/versionen/vergleich`}>
        <div className="field">
          <label htmlFor="cmp-from">{t("older")}</label>
          <select id="cmp-from" name="von" defaultValue={fromParam}>
            <VersionOptions versions={versions} />
            <option value="entwurf">{t("currentDraft")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="cmp-to">{t("newer")}</label>
          <select id="cmp-to" name="bis" defaultValue={toParam}>
            <option value="entwurf">{t("currentDraft")}</option>
            <VersionOptions versions={versions} />
          </select>
        </div>
        <fieldset className="field">
          <legend>{t("view")}</legend>
          <label>
            <input type="radio" name="ansicht" value="" defaultChecked={view === "inline"} /> {t("viewInline")}
          </label>{" "}
          <label>
            <input type="radio" name="ansicht" value="nebeneinander" defaultChecked={view === "side"} /> {t("viewSide")}
          </label>
        </fieldset>
        <label className="field" style={{ alignSelf: "end" }}>
          <span>
            <input type="checkbox" name="unveraendert" value="1" defaultChecked={showUnchanged} /> {t("showUnchanged")}
          </span>
        </label>
        <button type="submit" className="button" style={{ alignSelf: "end" }}>
          {t("show")}
        </button>
      </form>

      <section className="card" aria-labelledby="summary-heading" style={{ margin: "1.25rem 0" }}>
        <h2 id="summary-heading" style={{ marginTop: 0 }}>
          {t("summary")}
        </h2>
        <p>
          {totals.sections === 0 && totals.measuresAdded + totals.measuresRemoved + totals.measuresChanged + totals.general === 0
            ? t("noDifferences")
            : [
                t("sectionsChanged", { count: totals.sections }),
                totals.measuresChanged ? t("measuresChanged", { count: totals.measuresChanged }) : "",
                totals.measuresAdded ? t("measuresAdded", { count: totals.measuresAdded }) : "",
                totals.measuresRemoved ? t("measuresRemoved", { count: totals.measuresRemoved }) : "",
                totals.general ? t("generalChanged", { count: totals.general }) : "",
              ]
                .filter(Boolean)
                .join(" · ")}
        </p>
        {changedGroups.length ? (
          <ScrollBox label={t("groupsCaption")}>
          <table className="table">
            <caption className="visually-hidden">{t("groupsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colGroup")}</th>
                <th scope="col">{t("colChanges")}</th>
              </tr>
            </thead>
            <tbody>
              {changedGroups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">
                    <a href={`#${g.key.replace(":", "-")}`}>
                      {g.number} {groupTitle(g)}
                    </a>
                  </th>
                  <td>{groupLine(g, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollBox>
        ) : null}
        <p className="meta diff-legend">
          {t("legend")} <ins className="diff-ins">{t("legendInserted")}</ins> · <del className="diff-del">{t("legendDeleted")}</del> ·{" "}
          <span className="diff-legend-moved">{t("legendMoved")}</span> · {t("legendParagraph")}
          {!showUnchanged && totals.unchangedSections ? (
            <>
              {" "}
              · {t("unchangedHidden", { count: totals.unchangedSections })} (<IntentLink href={href({ unveraendert: "1" })}>{t("showThem")}</IntentLink>)
            </>
          ) : null}
        </p>
      </section>

      {comparison.general.length ? (
        <section className="chapter" aria-labelledby="general-heading">
          <h2 id="general-heading">{t("generalHeading")}</h2>
          <ScrollBox label={t("generalHeading")}>
          <table className="table diff-fields">
            <thead>
              <tr>
                <th scope="col">{t("colField")}</th>
                <th scope="col">{fromShort}</th>
                <th scope="col">{toShort}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.general.map((f, i) => (
                <tr key={i}>
                  <th scope="row">{dt(f.label)}</th>
                  <td style={{ whiteSpace: "pre-line" }}>{f.words ? <WordDiff parts={f.words} side="before" /> : <del className="diff-del">{dt(f.before)}</del>}</td>
                  <td style={{ whiteSpace: "pre-line" }}>{f.words ? <WordDiff parts={f.words} side="after" /> : <ins className="diff-ins">{dt(f.after)}</ins>}</td>
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
            {g.number} {groupTitle(g)}
          </h2>
          {sections.map((s) => (
            <Section key={s.key} s={s} view={view} fromLabel={fromShort} toLabel={toShort} names={proposalAuthors} t={t} dt={dt} />
          ))}
          {measures.length ? (
            <>
              <h3>{t("measures")}</h3>
              {measures.map((m) => (
                <Measure key={m.id} m={m} t={t} dt={dt} />
              ))}
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}
