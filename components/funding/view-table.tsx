import type { ViewTable } from "@/lib/funding/view";

/** One table of the funding view: numbers right-aligned, totals bold; scrolls sideways on narrow screens. */
export function FundingTable({ table }: { table: ViewTable }) {
  return (
    <div className="funding-table-wrap" tabIndex={0} role="region" aria-label={table.caption} /* focusable: keyboard users can scroll a wide table */>
      <table className="table funding-table" data-testid={`funding-table-${table.id}`}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, ri) => (
            <tr key={ri} className={r.total ? "total" : undefined}>
              {r.cells.map((cell, ci) =>
                ci === 0 ? (
                  <th key={ci} scope="row">
                    <bdi>{cell}</bdi>
                  </th>
                ) : (
                  <td key={ci} className={table.columns[ci]?.numeric ? "num" : undefined}>
                    <bdi>{cell}</bdi>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
