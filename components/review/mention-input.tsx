"use client";
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import type { Member } from "@/lib/review/comment-text";
import { insertMention, matchMembers, mentionQueryAt, unknownMentions } from "@/lib/review/mention-match";
import { useAfterLoad } from "@/components/ui/after-load";
import { useLinkFinder } from "./use-link-finder";

export type MentionInputProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> & {
  value: string;
  onValueChange: (value: string) => void;
  /** the members to offer; null while not loaded */
  members: Member[] | null;
  /** asked once the text holds an "@" and members is null */
  onNeedMembers?: () => void;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
};

/**
 * A comment's text field with an "@" member picker: the WAI-ARIA combobox
 * pattern on a multi-line text field (aria-autocomplete=list, a listbox,
 * aria-activedescendant). Arrow keys move, Enter or Tab takes the name, Escape
 * closes; names match with and without diacritics (lib/review/mention-match).
 * Below the field it says which "@Name" matches no member and so notifies nobody.
 */
export function MentionInput({ value, onValueChange, members, onNeedMembers, textareaRef, id, ...rest }: MentionInputProps) {
  const t = useTranslations("mentions");
  const own = useId();
  const fieldId = id ?? own;
  const listId = `${fieldId}-mentions`;
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const inner = useRef<HTMLTextAreaElement | null>(null);
  const caretAfter = useRef<number | null>(null);
  // On a page from the server the field's text shows in a box of its size until the browser is idle (useAfterLoad):
  // the review page has a reply field per thread. A click on the box brings the field at once, with the caret in it.
  const [live, now] = useAfterLoad(inner);

  const hasAt = value.includes("@");
  useEffect(() => {
    if (!members && hasAt) onNeedMembers?.();
  }, [members, hasAt, onNeedMembers]);

  useEffect(() => {
    if (caretAfter.current !== null && inner.current) {
      inner.current.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
  }, [value]);

  // Only to tell an "@" in a link from a mention; it comes with the members, when the text first has an "@".
  const findLinks = useLinkFinder(hasAt);
  const options = useMemo(() => (query && members ? matchMembers(query.query, members) : []), [query, members]);
  const open = !!query && dismissed !== query.start && members !== null;
  // The name being typed in the open list is not "unknown" yet.
  const unknown = useMemo(() => {
    if (!members || !hasAt || !findLinks) return [];
    const checked = open && query ? value.slice(0, query.start) + value.slice(query.start + 1 + query.query.length) : value;
    return unknownMentions(checked, members, findLinks(checked));
  }, [members, hasAt, value, open, query, findLinks]);

  const track = (el: HTMLTextAreaElement) => {
    const q = mentionQueryAt(el.value, el.selectionStart ?? el.value.length);
    setQuery(q);
    if (!q || q.start !== query?.start || q.query !== query?.query) setActive(0);
    // Leaving the mention (or starting another) lets its list open again.
    if (dismissed !== null && (!q || dismissed !== q.start)) setDismissed(null);
  };
  const choose = (m: Member) => {
    if (!query || !inner.current) return;
    const next = insertMention(value, query.start, inner.current.selectionStart ?? value.length, m.name);
    caretAfter.current = next.caret;
    // This "@" is done: the list opens again only for a new one.
    setDismissed(query.start);
    setQuery(null);
    onValueChange(next.text);
  };
  const optionId = (i: number) => `${listId}-${i}`;

  if (!live) {
    return (
      <div className="mention-field">
        <div className="textarea-pending mention-pending user-text" style={{ "--rows": rest.rows ?? 2 } as CSSProperties} aria-hidden="true" onClick={now}>
          {value || "\u00a0"}
        </div>
        <div aria-live="polite" data-testid="mention-unknown" className="mention-unknown" />
      </div>
    );
  }

  return (
    <div className="mention-field">
      <textarea
        {...rest}
        id={fieldId}
        ref={(el) => {
          inner.current = el;
          if (typeof textareaRef === "function") textareaRef(el);
          else if (textareaRef) (textareaRef as React.MutableRefObject<HTMLTextAreaElement | null>).current = el;
        }}
        value={value}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && options.length ? optionId(active) : undefined}
        onChange={(e) => {
          onValueChange(e.target.value);
          track(e.target);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onBlur={() => setQuery(null)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === "ArrowDown" && options.length) {
            e.preventDefault();
            setActive((a) => (a + 1) % options.length);
          } else if (e.key === "ArrowUp" && options.length) {
            e.preventDefault();
            setActive((a) => (a - 1 + options.length) % options.length);
          } else if ((e.key === "Enter" || e.key === "Tab") && options.length && !e.shiftKey) {
            e.preventDefault();
            choose(options[active] ?? options[0]!);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            setDismissed(query!.start);
          }
        }}
      />
      {open ? (
        options.length ? (
          <ul id={listId} role="listbox" aria-label={t("listLabel")} className="mention-list">
            {options.map((m, i) => (
              <li
                key={m.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? "mention-option active" : "mention-option"}
                // Keep the focus in the text field while choosing with the mouse.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(m)}
              >
                {m.name}
              </li>
            ))}
          </ul>
        ) : (
          <p id={listId} className="hint mention-none" role="status">
            {t("noMatch", { query: query!.query })}
          </p>
        )
      ) : null}
      {/* Always in the page, so that a screen reader hears the note when it appears. */}
      <div aria-live="polite" data-testid="mention-unknown" className="mention-unknown">
        {unknown.length ? (
          <ul>
            {unknown.map((name) => (
              <li key={name}>{t("unknown", { name })}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
