import { STATE_LABELS, type OutlineEntry } from "@/lib/concepts/outline";

function Entry({ entry }: { entry: OutlineEntry }) {
  return (
    <li>
      <a href={`#${entry.anchor}`}>
        <span>{entry.number}</span>
        <span>{entry.title}</span>
        <span className={`state state-${entry.state}`}>
          <span className="visually-hidden">Stand: </span>
          {STATE_LABELS[entry.state]}
        </span>
      </a>
      {entry.children?.length ? (
        <ol>
          {entry.children.map((c) => (
            <Entry key={c.key} entry={c} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** The sidebar outline: each chapter and field of action with its state, and the overall progress. */
export function OutlineNav({ entries, progress }: { entries: OutlineEntry[]; progress: number }) {
  return (
    <nav aria-label="Gliederung" className="outline card">
      <div className="progress">
        <label htmlFor="concept-progress">
          Fortschritt: <strong data-testid="progress-value">{progress} %</strong>
        </label>
        <progress id="concept-progress" max={100} value={progress}>
          {progress} %
        </progress>
      </div>
      <ol>
        {entries.map((e) => (
          <Entry key={e.key} entry={e} />
        ))}
      </ol>
    </nav>
  );
}
