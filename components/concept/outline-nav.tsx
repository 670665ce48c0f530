import { useTranslations } from "next-intl";
import type { OutlineEntry } from "@/lib/concepts/outline";
import { useLabels, useTemplateText } from "@/lib/i18n/hooks";

function Entry({ entry, level }: { entry: OutlineEntry; level: "chapter" | "field" }) {
  const t = useTranslations("outline");
  const labels = useLabels();
  const tt = useTemplateText();
  // Chapters carry their template key; fields of action their field key (custom fields have none in the catalogue).
  const title = level === "chapter" ? tt.chapterTitle(entry) : tt.fieldTitle(entry);
  return (
    <li>
      <a href={`#${entry.anchor}`}>
        <span>{entry.number}</span>
        <bdi>{title}</bdi>
        <span className={`state state-${entry.state}`}>
          <span className="visually-hidden">{t("state")} </span>
          {labels.outlineStates[entry.state]}
        </span>
      </a>
      {entry.children?.length ? (
        <ol>
          {entry.children.map((c) => (
            <Entry key={c.key} entry={c} level="field" />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** The sidebar outline: each chapter and field of action with its state, and the overall progress. */
export function OutlineNav({ entries, progress }: { entries: OutlineEntry[]; progress: number }) {
  const t = useTranslations("outline");
  return (
    <nav aria-label={t("label")} className="outline card">
      <div className="progress">
        <label htmlFor="concept-progress">
          {t("progress")} <strong data-testid="progress-value">{progress} %</strong>
        </label>
        <progress id="concept-progress" max={100} value={progress}>
          {progress} %
        </progress>
      </div>
      <ol>
        {entries.map((e) => (
          <Entry key={e.key} entry={e} level="chapter" />
        ))}
      </ol>
    </nav>
  );
}
