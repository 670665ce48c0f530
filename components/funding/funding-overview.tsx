import type { FundingView, ViewTable } from "@/lib/funding/view";
import { requestDomainText } from "@/lib/i18n/domain-server";
import type { DomainText } from "@/lib/i18n/domain-text";
import { FundingCliff } from "./cliff-chart";
import { FundingTable } from "./view-table";

const tableIn = (t: ViewTable, dt: DomainText): ViewTable => ({
  ...t,
  caption: dt(t.caption),
  columns: t.columns.map((c) => ({ ...c, label: dt(c.label) })),
  rows: t.rows.map((r) => ({ ...r, cells: r.cells.map(dt) })),
});

/** The view's German texts (lib/funding) through the translator; numbers and names stay. */
function viewIn(v: FundingView, dt: DomainText): FundingView {
  return {
    ...v,
    tables: v.tables.map((t) => tableIn(t, dt)),
    excluded: v.excluded ? { title: dt(v.excluded.title), items: v.excluded.items.map(dt) } : null,
    notes: v.notes.map(dt),
    cliff: { ...v.cliff, summary: dt(v.cliff.summary), tables: v.cliff.tables.map((t) => tableIn(t, dt)) },
  };
}

/**
 * Chapter 7's computed overview (lib/funding): the tables, what is left out, the rules, the cliff.
 * In the UI's language on the concept page; `language="document"` keeps the concept's (German), as the print preview does.
 */
export async function FundingOverview({ view: german, language = "ui" }: { view: FundingView; language?: "ui" | "document" }) {
  const dt: DomainText = language === "document" ? (text) => text : await requestDomainText();
  const view = viewIn(german, dt);
  if (view.measures === 0) {
    return <p className="meta">{dt("Die Übersicht entsteht aus den Maßnahmen; es ist noch keine Maßnahme erfasst.")}</p>;
  }
  return (
    <div className="funding-overview" data-testid="funding-overview">
      {view.tables.map((t) => (
        <FundingTable key={t.id} table={t} />
      ))}
      {view.excluded ? (
        <div data-testid="funding-excluded">
          <h4>{view.excluded.title}</h4>
          <ul>
            {view.excluded.items.map((x) => (
              <li key={x}>
                <bdi>{x}</bdi>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="funding-notes meta" data-testid="funding-rules">
        {view.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <FundingCliff cliff={view.cliff} dt={dt} />
    </div>
  );
}
