"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ActiveEditorContext, createActiveEditorStore, useActiveEditorStore, useActivePart } from "./active-editor";
import { loadToolbarCode, prefetchEditorCodeWhenIdle } from "./editor-code";
import type * as Live from "./shared-toolbar-live";
import { SuggestToggleView } from "./suggest-toggle-view";
import { IDLE, ToolbarView } from "./toolbar-view";
import { focusToolbar } from "./use-roving-toolbar";

/** The concept page's content column, holding which part the shared toolbar formats (the toolbar and the parts sit inside). */
export function SharedToolbarColumn({ children }: { children: ReactNode }) {
  const [store] = useState(createActiveEditorStore);
  return (
    <ActiveEditorContext.Provider value={store}>
      <div>{children}</div>
    </ActiveEditorContext.Provider>
  );
}

/**
 * The one formatting toolbar of the concept page (issues 15 and 17), sticky at the
 * top of the content column: the controls of the part that has (or last had) the
 * focus, named after it; all disabled before a part is chosen. It sits outside the
 * parts and keeps its height, so no part and no text moves when an editor mounts;
 * the table controls open as a strip below it, over the text, not pushing it.
 * Alt+F10 in a text reaches it, Escape returns. The suggest mode sits here too (`suggestMode`:
 * "locked" for reviewers, who only propose; "toggle" for editors), so no part grows by it either.
 */
export function SharedToolbar({ suggestMode }: { suggestMode?: "locked" | "toggle" }) {
  const t = useTranslations("editor");
  const store = useActiveEditorStore();
  const part = useActivePart(store);
  const bar = useRef<HTMLDivElement>(null);
  // The live controls read the focused editor through Tiptap: their code comes with the editor's, not in the first load.
  const [live, setLive] = useState<typeof Live | null>(null);
  useEffect(() => prefetchEditorCodeWhenIdle(), []);
  useEffect(() => {
    if (!part || live) return;
    let current = true;
    void loadToolbarCode().then((m) => current && setLive(m));
    return () => {
      current = false;
    };
  }, [part, live]);
  useEffect(() => {
    if (!store) return;
    // Measured when the bar's size changes, not while an editor mounts (no forced layout while scrolling).
    let clearance = 0;
    const el = bar.current;
    const observer = el
      ? new ResizeObserver(() => {
          clearance = (parseFloat(getComputedStyle(el).top) || 0) + el.offsetHeight;
        })
      : null;
    if (el) observer?.observe(el);
    store.setToolbar({ focus: () => focusToolbar(bar.current?.querySelector('[role="toolbar"]') ?? null), clearance: () => clearance });
    return () => {
      observer?.disconnect();
      store.setToolbar(null);
    };
  }, [store]);
  return (
    <div ref={bar} className="shared-toolbar" data-testid="shared-toolbar">
      {/* A new toolbar per part (its pressed states, Tab stop and a pending "Tabelle löschen?" belong to that part), in a
          keyed box of its own: keyed directly, the toolbar's fragment was left in the page beside the new one. */}
      <div key={part ? part.editor.instanceId : "idle"} className="shared-toolbar-controls">
        {live ? (
          <live.Toolbar editor={part?.editor ?? null} label={part?.label ?? ""} onLink={() => part?.openLink()} />
        ) : (
          <ToolbarView editor={null} label="" onLink={() => {}} state={IDLE} />
        )}
      </div>
      {suggestMode === "locked" ? (
        <p className="suggest-mode-label" data-testid="suggest-mode-label">
          <span aria-hidden="true">{t("suggestModeShort")}</span>
          <span className="visually-hidden">{t("suggestModeLocked")}</span>
        </p>
      ) : suggestMode === "toggle" ? (
        live ? (
          <live.SuggestToggle editor={part?.proposes ? part.editor : null} />
        ) : (
          <SuggestToggleView on={false} disabled />
        )
      ) : null}
      <p className="shared-toolbar-part" aria-hidden="true" title={part?.label}>
        {part ? <bdi>{part.label}</bdi> : t("toolbarHint")}
      </p>
    </div>
  );
}
