import type { OpenProposal } from "@/lib/versions/diff/concept";

const short = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);

/**
 * A part's open proposals beside a comparison: listed as proposals (who, what
 * would be struck, what would be inserted), never mixed into the compared
 * text, which is the text without them.
 */
export function OpenProposals({ proposals, heading, names, labels }: {
  proposals: OpenProposal[];
  heading: string;
  names: Record<string, string>;
  labels: { someone: string; insert: string; delete: string };
}) {
  if (proposals.length === 0) return null;
  return (
    <div className="diff-proposals" data-testid="diff-proposals">
      <p className="diff-column-head">{heading}</p>
      <ul>
        {proposals.map((p) => (
          <li key={p.id}>
            <span className="suggestion-author">{(p.author && names[p.author]) || labels.someone}</span>
            {p.at && !Number.isNaN(Date.parse(p.at)) ? <time dateTime={p.at}> · {new Date(p.at).toLocaleDateString("de-DE")}</time> : null}
            {": "}
            {p.deleted ? (
              <>
                {labels.delete} <del className="suggestion-del">{short(p.deleted)}</del>
              </>
            ) : null}
            {p.deleted && p.inserted ? " → " : null}
            {p.inserted ? (
              <>
                {labels.insert} <ins className="suggestion-ins">{short(p.inserted)}</ins>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
