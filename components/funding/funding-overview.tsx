import type { FundingView } from "@/lib/funding/view";
import { FundingCliff } from "./cliff-chart";
import { FundingTable } from "./view-table";

/** Chapter 7's computed overview (lib/funding): the tables, what is left out, the rules, the cliff. */
export function FundingOverview({ view }: { view: FundingView }) {
  if (view.measures === 0) {
    return <p className="meta">Die Übersicht entsteht aus den Maßnahmen; es ist noch keine Maßnahme erfasst.</p>;
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
      <FundingCliff cliff={view.cliff} />
    </div>
  );
}
