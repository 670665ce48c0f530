import type { ListEntry } from "@/lib/versions/diff/measures";

/** A list field of a comparison, one entry per line: removed entries struck on the old side, added ones underlined on the new side. */
export function ListDiff({ entries }: { entries: ListEntry[] }) {
  if (!entries.length) return <>–</>;
  return (
    <ul className="diff-list">
      {entries.map((e, i) => (
        <li key={i}>
          {e.removed ? <del className="diff-del">{e.text}</del> : e.added ? <ins className="diff-ins">{e.text}</ins> : e.text}
        </li>
      ))}
    </ul>
  );
}
