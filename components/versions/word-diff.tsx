import type { WordPart } from "@/lib/versions/diff/measures";

/** A word diff of a plain-text field: removed words struck, added words underlined. */
export function WordDiff({ parts, side }: { parts: WordPart[]; side: "before" | "after" }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          side === "after" ? (
            <ins key={i} className="diff-ins">
              {p.text}
            </ins>
          ) : null
        ) : p.removed ? (
          side === "before" ? (
            <del key={i} className="diff-del">
              {p.text}
            </del>
          ) : null
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
