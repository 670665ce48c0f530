"use client";
import type { JSONContent } from "@tiptap/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { RichTextEditor } from "./rich-text-editor";
import { canonicalJson } from "@/lib/editor/document";
import { clearDraft, markClean, markDirty, readDraft, writeDraft } from "./drafts";

type Props = {
  conceptId: string;
  sectionId: string;
  label: string;
  placeholder: string;
  initialContent: JSONContent;
  initialRevision: number;
  /** server-rendered HTML of the stored content, shown until the editor mounts */
  initialHtml: string;
  canEdit: boolean;
};

type Status =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string; retry: boolean }
  | { kind: "offline" }
  | { kind: "conflict"; theirs: JSONContent; theirRevision: number };

export const AUTOSAVE_DELAY_MS = 1200;

/**
 * One rich-text part of the concept. Static HTML until it is scrolled into view
 * or focused, then a Tiptap editor. Saves a moment after typing stops and on
 * leaving the field; keeps unsent text in localStorage (offline, errors,
 * conflicts) and sends it when the connection is back.
 */
export function SectionEditor(props: Props) {
  const { conceptId, sectionId, label, canEdit } = props;
  const t = useTranslations("editor");
  const [active, setActive] = useState(false);
  const [content, setContent] = useState<JSONContent>(props.initialContent);
  const [editorKey, setEditorKey] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const holder = useRef<HTMLDivElement>(null);
  const latest = useRef<JSONContent>(props.initialContent);
  // JSON of the text the server holds, to tell real edits from the editor's own normalisation.
  const committed = useRef(canonicalJson(props.initialContent));
  const base = useRef(props.initialRevision);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const [focusOnMount, setFocusOnMount] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return;
    if (inFlight.current) {
      again.current = true; // send once more when the running save is answered
      return;
    }
    inFlight.current = true;
    const sent = latest.current;
    setStatus({ kind: "saving" });
    try {
      const res = await fetch(`/api/concepts/${conceptId}/sections/${sectionId}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ baseRevision: base.current, content: sent }),
      });
      const body = (await res.json().catch(() => null)) as
        | { status: "saved"; revision: number; savedAt: string }
        | { status: "conflict"; current: { content: JSONContent; revision: number } }
        | { error?: { message?: string } }
        | null;
      if (res.ok && body && "status" in body && body.status === "saved") {
        base.current = body.revision;
        committed.current = canonicalJson(sent);
        if (latest.current === sent) {
          dirty.current = false;
          clearDraft(sectionId);
          markClean(sectionId);
          setStatus({ kind: "saved", at: body.savedAt });
        } else {
          writeDraft(sectionId, { content: latest.current, baseRevision: base.current });
          setStatus({ kind: "dirty" });
        }
      } else if (res.status === 409 && body && "status" in body && body.status === "conflict") {
        setStatus({ kind: "conflict", theirs: body.current.content, theirRevision: body.current.revision });
      } else if (res.status === 401) {
        setStatus({ kind: "error", message: t("sessionExpired"), retry: true });
      } else {
        const message = body && "error" in body && body.error?.message ? body.error.message : t("httpError", { status: res.status });
        setStatus({ kind: "error", message, retry: res.status >= 500 || res.status === 429 });
      }
    } catch {
      setStatus(navigator.onLine ? { kind: "error", message: t("serverUnreachable"), retry: true } : { kind: "offline" });
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        if (dirty.current) void save();
      }
    }
  }, [conceptId, sectionId, t]);

  const onChange = useCallback(
    (doc: JSONContent) => {
      if (!dirty.current && canonicalJson(doc) === committed.current) return;
      latest.current = doc;
      dirty.current = true;
      markDirty(sectionId);
      writeDraft(sectionId, { content: doc, baseRevision: base.current });
      setStatus((s) => (s.kind === "conflict" ? s : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save, sectionId],
  );

  // Text kept from an earlier visit (offline, failed save): send it, or show the conflict.
  useEffect(() => {
    if (!canEdit) return;
    const draft = readDraft(sectionId);
    if (!draft) return;
    latest.current = draft.content;
    dirty.current = true;
    markDirty(sectionId);
    setContent(draft.content);
    setEditorKey((k) => k + 1);
    setActive(true);
    if (draft.baseRevision === props.initialRevision) {
      void save();
    } else {
      setStatus({ kind: "conflict", theirs: props.initialContent, theirRevision: props.initialRevision });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!canEdit) return;
    const retry = () => {
      if (dirty.current) void save();
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [canEdit, save]);

  // Become an editor when scrolled into view (DESIGN.md: one small editor per visible part).
  useEffect(() => {
    if (!canEdit || active || !holder.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setActive(true);
      },
      { rootMargin: "200px" },
    );
    observer.observe(holder.current);
    return () => observer.disconnect();
  }, [canEdit, active]);

  const keepMine = () => {
    if (status.kind !== "conflict") return;
    base.current = status.theirRevision;
    dirty.current = true;
    void save();
  };
  const takeTheirs = () => {
    if (status.kind !== "conflict") return;
    base.current = status.theirRevision;
    latest.current = status.theirs;
    committed.current = canonicalJson(status.theirs);
    dirty.current = false;
    clearDraft(sectionId);
    markClean(sectionId);
    setContent(status.theirs);
    setEditorKey((k) => k + 1);
    setStatus({ kind: "idle" });
  };

  const activate = () => {
    setFocusOnMount(true);
    setActive(true);
  };

  const isEmpty = props.initialHtml.replace(/<[^>]+>/g, "").trim() === "";

  return (
    <div ref={holder} className="section-editor" data-testid={`section-${sectionId}`}>
      {canEdit ? <SaveStatus status={status} onRetry={() => void save()} /> : null}
      {status.kind === "conflict" ? (
        <div className="conflict" role="alert">
          <p>{t.rich("conflict", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <div className="conflict-columns">
            <div>
              <h4>{t("theirsHeading")}</h4>
              <RichTextEditor id={`${sectionId}-theirs`} label={t("theirsLabel", { label })} content={status.theirs} editable={false} />
            </div>
            <div>
              <h4>{t("mineHeading")}</h4>
              <RichTextEditor
                id={`${sectionId}-mine`}
                label={t("mineLabel", { label })}
                content={latest.current}
                editable={false}
              />
            </div>
          </div>
          <div className="actions-row" style={{ marginTop: ".75rem" }}>
            <button type="button" className="button" onClick={keepMine}>
              {t("keepMine")}
            </button>
            <button type="button" className="button-secondary" onClick={takeTheirs}>
              {t("takeTheirs")}
            </button>
          </div>
        </div>
      ) : null}
      {active && canEdit ? (
        <RichTextEditor
          key={editorKey}
          id={`editor-${sectionId}`}
          label={label}
          content={content}
          onChange={onChange}
          onBlur={() => {
            if (status.kind !== "conflict") void save();
          }}
          autofocus={focusOnMount}
        />
      ) : (
        <div className="rich-text">
          <div
            className={`rich-static${isEmpty ? " is-empty" : ""}`}
            data-placeholder={canEdit ? props.placeholder : t("noText")}
            role="textbox"
            aria-multiline="true"
            aria-label={label}
            aria-readonly={canEdit ? undefined : "true"}
            tabIndex={canEdit ? 0 : undefined}
            onFocus={canEdit ? activate : undefined}
            onClick={canEdit ? activate : undefined}
            dangerouslySetInnerHTML={{ __html: props.initialHtml }}
          />
        </div>
      )}
    </div>
  );
}

function SaveStatus({ status, onRetry }: { status: Status; onRetry: () => void }) {
  const t = useTranslations("editor");
  let text = "";
  let cls = "save-status";
  if (status.kind === "dirty") text = t("dirty");
  if (status.kind === "saving") text = t("saving");
  if (status.kind === "saved") {
    text = t("saved");
    cls += " is-ok";
  }
  if (status.kind === "offline") {
    text = t("offline");
    cls += " is-error";
  }
  if (status.kind === "error") {
    text = t("error", { message: status.message });
    cls += " is-error";
  }
  if (status.kind === "conflict") {
    text = t("conflictStatus");
    cls += " is-error";
  }
  return (
    <p className={cls} role="status" aria-live="polite" data-testid="save-status">
      {text}
      {(status.kind === "error" && status.retry) || status.kind === "offline" ? (
        <>
          {" "}
          <button type="button" className="link-button" onClick={onRetry}>
            {t("retry")}
          </button>
        </>
      ) : null}
    </p>
  );
}
