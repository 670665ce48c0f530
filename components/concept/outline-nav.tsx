import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import type { OutlineEntry } from "@/lib/concepts/outline";
import { useTemplateText } from "@/lib/i18n/hooks";
import { OutlinePresence } from "@/components/editor/presence";
import { OutlineState } from "./outline-state";
import { SmallScreenMenu } from "@/components/ui/small-screen-menu";

type Counts = Record<string, number>;

function Entry({ entry, level, parts, comments }: { entry: OutlineEntry; level: "chapter" | "field"; parts: Record<string, string[]>; comments: Counts }) {
  const t = useTranslations("margin");
  const tt = useTemplateText();
  const locale = useLocale();
  // Chapters carry their template key; fields of action their field key (custom fields have none in the catalogue).
  const title = level === "chapter" ? tt.chapterTitle(entry) : tt.fieldTitle(entry);
  // A title without translation (a municipality's own field) stays German: hyphenated and read out as German.
  const lang = locale !== DEFAULT_LOCALE && title === entry.title ? DEFAULT_LOCALE : undefined;
  return (
    <li>
      <a href={`#${entry.anchor}`}>
        <span>{entry.number}</span>
        <bdi lang={lang}>{title}</bdi>
        <OutlineState entry={entry} />
        {comments[entry.anchor] ? (
          <span className="outline-comments" data-testid="outline-comments">
            <span aria-hidden="true">💬 {comments[entry.anchor]}</span>
            <span className="visually-hidden">{t("outlineCount", { count: comments[entry.anchor]! })}</span>
          </span>
        ) : null}
        {parts[entry.anchor]?.length ? <OutlinePresence sectionIds={parts[entry.anchor]!} /> : null}
      </a>
      {entry.children?.length ? (
        <ol>
          {entry.children.map((c) => (
            <Entry key={c.key} entry={c} level="field" parts={parts} comments={comments} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/**
 * The sidebar outline: each chapter and field of action with its state, the
 * overall progress, who is writing there now (`parts`: anchor → its parts' ids)
 * and how many comment threads are open there (`comments`: anchor → count).
 */
export function OutlineNav({ entries, progress, parts = {}, comments = {} }: { entries: OutlineEntry[]; progress: number; parts?: Record<string, string[]>; comments?: Counts }) {
  const t = useTranslations("outline");
  return (
    <nav aria-label={t("label")} className="outline card">
      {/* On small screens a bar at the top with a menu button instead of a column beside the text (app/globals.css). */}
      <SmallScreenMenu
        className="outline-menu"
        label={
          <>
            {t("label")} <span className="outline-menu-progress">{progress} %</span>
          </>
        }
      >
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
          <Entry key={e.key} entry={e} level="chapter" parts={parts} comments={comments} />
        ))}
      </ol>
      </SmallScreenMenu>
    </nav>
  );
}
