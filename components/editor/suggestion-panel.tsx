"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { isSuggestChangesEnabled } from "@handlewithcare/prosemirror-suggest-changes";
import { listSuggestions, type Suggestion } from "@/lib/suggestions/list";
import { SuggestionReplies, type SuggestionThread } from "./suggestion-replies";

export type SuggestSettings = {
  /** the user's id: their proposals carry it */
  author: string;
  /** a reviewer: always in suggest mode */
  locked: boolean;
  /** editors and admins: accept and reject buttons per proposal */
  canDecide: boolean;
  conceptId: string;
};

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

/**
 * Above a part's editor: the "Vorschlagsmodus" label (reviewers) or the
 * "Vorschlagen" toggle (editors); below it the part's open proposals, with
 * "Annehmen" / "Ablehnen" for editors, and for all of the part or of one
 * person (in the part or the whole concept). Deciding goes through the server (the
 * JSON API), which writes the text, keeps the decision and audits it; the
 * result reaches this editor live like any other server change.
 */
export function SuggestModeBar({ editor, settings }: { editor: Editor; settings: SuggestSettings }) {
  const t = useTranslations("editor");
  const on = useEditorState({ editor, selector: ({ editor: e }) => settings.locked || isSuggestChangesEnabled(e.state) });
  if (settings.locked) {
    return (
      <p className="suggest-mode-label" data-testid="suggest-mode-label">
        {t("suggestModeLocked")}
      </p>
    );
  }
  return (
    <div className="suggest-mode-bar">
      <button type="button" className="button" aria-pressed={on} onClick={() => editor.chain().focus().toggleSuggestMode().run()} data-testid="suggest-mode-toggle">
        {t("suggestModeToggle")}
      </button>
      {on ? <span className="suggest-mode-label">{t("suggestModeOn")}</span> : null}
    </div>
  );
}

type Scope = { sectionId?: string; authorId?: string };

export function SuggestionList({ editor, settings, sectionId }: { editor: Editor; settings: SuggestSettings; sectionId?: string }) {
  const t = useTranslations("editor");
  const list = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      try {
        return listSuggestions(e.state.doc);
      } catch {
        return [] as Suggestion[];
      }
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const [names, setNames] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const unknown = list.some((s) => s.author && s.author !== settings.author && !(s.author in names));
  // Answers to the proposals (comment threads of target "suggestion"), loaded when there are proposals and after each answer.
  const [threads, setThreads] = useState<SuggestionThread[]>([]);
  const [threadsVersion, setThreadsVersion] = useState(0);
  const hasProposals = list.length > 0;
  useEffect(() => {
    if (!hasProposals || !sectionId) return;
    let cancelled = false;
    void fetch(`/api/concepts/${settings.conceptId}/comments`)
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { threads?: (SuggestionThread & { target: string; section: { id: string } | null })[] } | null) => {
        if (!cancelled && body?.threads) setThreads(body.threads.filter((th) => th.target === "suggestion" && th.section?.id === sectionId));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [hasProposals, sectionId, settings.conceptId, threadsVersion]);
  useEffect(() => {
    if (!unknown) return;
    let cancelled = false;
    void fetch(`/api/concepts/${settings.conceptId}/suggestions`)
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { open?: { author: { id: string | null; name: string | null } }[] } | null) => {
        if (cancelled || !body?.open) return;
        const found: Record<string, string> = {};
        for (const s of body.open) if (s.author.id && s.author.name) found[s.author.id] = s.author.name;
        setNames((n) => ({ ...n, ...found }));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [unknown, settings.conceptId]);

  if (list.length === 0) return message ? <p role="status" className="form-hint">{message}</p> : null;
  const who = (s: Suggestion) => (s.author === settings.author ? t("suggestionYou") : (s.author && names[s.author]) || t("suggestionSomeone"));
  const decide = async (s: Suggestion, decision: "accept" | "reject") => {
    setBusy(s.id);
    setMessage("");
    try {
      const res = await fetch(`/api/concepts/${settings.conceptId}/suggestions/${encodeURIComponent(s.id)}/${decision}`, { method: "POST" });
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      setMessage(res.ok ? t(decision === "accept" ? "suggestionAccepted" : "suggestionRejected") : (body.error?.message ?? t("httpError", { status: res.status })));
    } catch {
      setMessage(t("serverUnreachable"));
    } finally {
      setBusy(null);
    }
  };
  const decideAll = async (decision: "accept" | "reject", scope: Scope, key: string) => {
    if (!scope.sectionId && !window.confirm(t(decision === "accept" ? "suggestionConfirmAcceptPerson" : "suggestionConfirmRejectPerson"))) return;
    setBusy(key);
    setMessage("");
    try {
      const res = await fetch(`/api/concepts/${settings.conceptId}/suggestions/${decision}-all`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(scope),
      });
      const body = (await res.json().catch(() => ({}))) as { count?: number; error?: { message?: string } };
      setMessage(res.ok ? t(decision === "accept" ? "suggestionsAccepted" : "suggestionsRejected", { count: body.count ?? 0 }) : (body.error?.message ?? t("httpError", { status: res.status })));
    } catch {
      setMessage(t("serverUnreachable"));
    } finally {
      setBusy(null);
    }
  };
  const authors = [...new Set(list.map((s) => s.author).filter((a): a is string => !!a))];
  return (
    <section className="suggestion-list" aria-label={t("suggestionsHeading", { count: list.length })} data-testid="suggestion-list">
      <h4>{t("suggestionsHeading", { count: list.length })}</h4>
      <ul>
        {list.map((s) => (
          <li key={s.id} data-suggestion-id={s.id}>
            <span className="suggestion-author">{who(s)}</span>
            {s.at ? <time dateTime={s.at}> · {new Date(s.at).toLocaleString("de-DE", { dateStyle: "short", timeStyle: "short" })}</time> : null}
            {": "}
            {s.deleted ? <del className="suggestion-del">{short(s.deleted)}</del> : null}
            {s.deleted && s.inserted ? " → " : null}
            {s.inserted ? <ins className="suggestion-ins">{short(s.inserted)}</ins> : null}
            {settings.canDecide ? (
              <span className="suggestion-actions">
                <button type="button" className="button" disabled={busy !== null} onClick={() => void decide(s, "accept")}>
                  {t("suggestionAccept")}
                </button>
                <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void decide(s, "reject")}>
                  {t("suggestionReject")}
                </button>
              </span>
            ) : null}
            {sectionId ? (
              <SuggestionReplies
                conceptId={settings.conceptId}
                sectionId={sectionId}
                suggestionId={s.id}
                thread={threads.find((th) => th.suggestionId === s.id) ?? null}
                onSent={() => setThreadsVersion((v) => v + 1)}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {settings.canDecide && sectionId ? (
        <div className="suggestion-bulk" data-testid="suggestion-bulk">
          <span className="suggestion-actions">
            <button type="button" className="button" disabled={busy !== null} onClick={() => void decideAll("accept", { sectionId }, "part")}>
              {t("suggestionAcceptAllPart")}
            </button>
            <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void decideAll("reject", { sectionId }, "part")}>
              {t("suggestionRejectAllPart")}
            </button>
          </span>
          {authors.length > 0 ? (
            <details>
              <summary>{t("suggestionByPerson")}</summary>
              <ul>
                {authors.map((author) => {
                  const name = author === settings.author ? t("suggestionByYou") : names[author] || t("suggestionByUnknown");
                  return (
                    <li key={author} data-author-id={author}>
                      <span className="suggestion-author">{author === settings.author ? t("suggestionYou") : names[author] || t("suggestionSomeone")}</span>{" "}
                      <span className="suggestion-actions">
                        <button type="button" className="button" disabled={busy !== null} onClick={() => void decideAll("accept", { sectionId, authorId: author }, author)}>
                          {t("suggestionAcceptPersonPart", { name })}
                        </button>
                        <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void decideAll("reject", { sectionId, authorId: author }, author)}>
                          {t("suggestionRejectPersonPart", { name })}
                        </button>
                        <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void decideAll("accept", { authorId: author }, author)}>
                          {t("suggestionAcceptPersonConcept", { name })}
                        </button>
                        <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void decideAll("reject", { authorId: author }, author)}>
                          {t("suggestionRejectPersonConcept", { name })}
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p role="status" className="form-hint">
          {message}
        </p>
      ) : null}
    </section>
  );
}
