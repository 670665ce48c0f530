"use client";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { OfflineCopy } from "./offline-copy";
import type * as Y from "yjs";
import { PartPresence } from "./presence";
import { announcePart, useRealtime } from "./realtime";
import type { RichTextEditor as RichTextEditorComponent } from "./rich-text-editor";
import { createSaveState, saveLine, saveLineKey, type SaveState } from "./save-state";
import { useFilledReport } from "./use-filled-report";
import type { SuggestSettings } from "./suggestion-panel";
import { RefusedChange } from "./refused-change";
import { closeKind } from "@/lib/realtime/close-reason";
import { loadEditorCode, loadLiveCode } from "./editor-code";
import type * as LiveCode from "./live-code";
import { caretColor } from "./caret-colors";
import { isWarmPart, takeWarmPart } from "./warm-part";
import { nearAtRest } from "@/components/ui/scroll-rest";
import { htmlToRender, isEmptyHtml, knownHtml, rememberShownHtml } from "./static-html";

type Props = {
  sectionId: string;
  label: string;
  placeholder: string;
  /**
   * Server-rendered HTML of the stored content, shown until the live document is there. Sent in the props only
   * on a navigation inside the app; a page loaded from the server has it in its HTML, named by htmlKey.
   */
  initialHtml?: string;
  htmlKey: string;
  /** whether the stored content has no text (the writing hint shows) */
  empty: boolean;
  canEdit: boolean;
  /** proposals (issue 13): a reviewer writes in suggest mode only, an editor may switch it on */
  suggest?: SuggestSettings;
};

type Live = { doc: Y.Doc; provider: HocuspocusProvider };

type EditorComponent = typeof RichTextEditorComponent;

// The first part is in view at once: the real-time code (the page's socket needs it) runs while the page hydrates.
// The editor's code (fetched early by EditorCodePreload) runs once the page's socket is on its way (realtime.tsx):
// not before, which would hold up the socket (issue 17).
if (typeof window !== "undefined") void loadLiveCode().catch(() => {});

/** A lazily fetched module, once `wanted`; a failed fetch is asked for again when the part is next wanted. */
function useCode<T>(wanted: boolean, load: () => Promise<T>) {
  const [code, setCode] = useState<{ value: T } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    load().then(
      (value) => current && setCode({ value }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [wanted, load]);
  return code?.value ?? null;
}

/**
 * One rich-text part, written together in real time. Static HTML until it is
 * scrolled into view or focused; then the part's Yjs document (kept in this
 * browser's IndexedDB too, so offline edits survive a reload) is synced over the
 * concept's socket and a Tiptap editor bound to it. "Gespeichert" means the
 * server has acknowledged every change, which it does only after storing it.
 */
export function CollabSectionEditor({ sectionId, label, placeholder, initialHtml, htmlKey, empty, canEdit: canEditText, suggest }: Props) {
  // A reviewer writes too (proposals only; the server checks that): everything below treats them as writing.
  const canEdit = canEditText || !!suggest;
  const t = useTranslations("editor");
  const realtime = useRealtime();
  const holder = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLDivElement>(null);
  const shownKey = `${sectionId}:${htmlKey}`;
  // The static text when it is not in the props: on the server from its render cache; in the browser what the
  // page showed when the router brings it back, else (null) the server's HTML stays in the DOM untouched until
  // the part opens and reads it from there.
  const [domHtml, setDomHtml] = useState<string | null>(() => knownHtml(htmlKey, shownKey));
  // The key of the text a page load put into the HTML (none when the props carried it).
  const [loadedKey] = useState(() => (initialHtml === undefined ? htmlKey : null));
  const [active, setActiveState] = useState(false);
  const setActive = (on: boolean) => {
    if (on) setDomHtml((h) => h ?? staticRef.current?.innerHTML ?? null);
    setActiveState(on);
  };
  const [focusOnMount, setFocusOnMount] = useState(false);
  const [live, setLive] = useState<Live | null>(null);
  const [ready, setReady] = useState(false);
  const [scope, setScope] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Per keystroke only the status line re-renders, not the editor and its toolbar.
  const [save] = useState(() => createSaveState(sectionId));
  useEffect(() => () => save.dispose(), [save]);
  const RichTextEditor = useCode<EditorComponent>(active && live !== null, loadEditorCode);
  const liveCode = useCode<typeof LiveCode>(active, loadLiveCode);

  useEffect(() => {
    if (active || !holder.current) return;
    // The part warmed at load (warm-part.ts), and a part in view when it hydrates, open now: not a frame (on a busy
    // page load: 0.1 s) later when the observer reports, nor only once the person has scrolled to the part.
    if (isWarmPart(sectionId)) return setActive(true);
    const box = holder.current.getBoundingClientRect();
    if (box.height > 0 && box.bottom > -NEAR_PX && box.top < window.innerHeight + NEAR_PX) return setActive(true);
    // Scrolled near: open where the reader stops, not on the way past (scroll-rest.ts).
    const near = nearAtRest(`${NEAR_PX}px`, () => setActive(true));
    near.observe(holder.current);
    return near.disconnect;
  }, [active, sectionId]);

  // A part scrolled far out of view is parked (issue 17): its editor, document and connection close, its text
  // stays as static HTML, and it opens again when it comes near. So the page holds a few editors, not a hundred.
  // Never the part written in last, nor one whose changes the server has not acknowledged.
  const editorRef = useRef<Editor | null>(null);
  const [parkedHtml, setParkedHtml] = useState<string | null>(null);
  const [far, setFar] = useState(false);
  useEffect(() => {
    if (!active || !holder.current) return;
    const observer = new IntersectionObserver((entries) => setFar(!entries[entries.length - 1]!.isIntersecting), { rootMargin: "250% 0px" });
    observer.observe(holder.current);
    return () => {
      observer.disconnect();
      setFar(false);
    };
  }, [active]);

  // The part's document and its copy in this browser live as long as the part is open …
  const [doc, setDoc] = useState<{ doc: Y.Doc; local: OfflineCopy | null } | null>(null);
  // The connection that came with a warmed document (warm-part.ts), for the first provider only.
  const warmProvider = useRef<HocuspocusProvider | null>(null);
  // A change refused for its content: shown once, kept, not retried; a new generation starts from the server's text.
  const [refused, setRefused] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!active || !realtime || !liveCode) return;
    const warmed = generation === 0 ? takeWarmPart(sectionId) : null;
    warmProvider.current = warmed?.provider ?? null;
    const d = warmed?.doc ?? liveCode.newDoc();
    const local = canEdit ? new liveCode.OfflineCopy(`konzeptwerk:${realtime.me.id}:${sectionId}`, d, () => realtime.socket.status === "connected", () => !save.get().pending) : null;
    void local?.whenSynced.then(() => {
      if (d.getXmlFragment("default").length > 0) setReady(true);
    });
    setDoc({ doc: d, local });
    return () => {
      warmProvider.current?.destroy();
      warmProvider.current = null;
      void local?.destroy();
      d.destroy();
      setDoc(null);
      setReady(false);
    };
  }, [active, realtime, liveCode, sectionId, canEdit, generation, save]);

  // … while its connection is made again after the server closed it (a failed store, a restart): nothing typed is lost.
  const [attempt, setAttempt] = useState(0);
  // A new translator (the page refreshed after a save) is no reason to reconnect.
  const tRef = useRef(t);
  tRef.current = t;
  useEffect(() => {
    if (!doc || !realtime || !liveCode) return;
    const { doc: d, local } = doc;
    let retry: ReturnType<typeof setTimeout> | null = null;
    // Callbacks of a provider this effect has already destroyed (a re-run, a retry) must not touch the state:
    // its own close ("provider_initiated") would otherwise mark the part unsaved and retry in a loop.
    let disposed = false;
    const adopted = warmProvider.current;
    warmProvider.current = null;
    const provider = adopted ?? new liveCode.HocuspocusProvider({ websocketProvider: realtime.socket, name: `section:${sectionId}`, document: d, token: "session" });
    const onAuthenticated = ({ scope: s }: { scope: string }) => {
      if (disposed) return;
      setScope(s);
      setProblem(null);
    };
    const onAuthenticationFailed = ({ reason }: { reason: string }) => {
      if (!disposed) setProblem(tRef.current("refused", { reason }));
    };
    const onSynced = () => {
      if (!disposed) setReady(true);
    };
    const onUnsyncedChanges = ({ number }: { number: number }) => {
      if (!disposed) save.unsynced(number);
    };
    const onClose = ({ event }: { event: CloseEvent }) => {
      if (disposed || !event.reason || event.reason === "provider_initiated") return;
      setProblem(event.reason);
      const kind = closeKind(event.reason);
      if (kind === "refused") return setRefused(true);
      // (the reason asks for a reload: a new connection from this page would be refused the same way)
      if (kind === "reload") return;
      if (attempt < 5) retry = setTimeout(() => setAttempt((a) => a + 1), 2000 * 2 ** attempt);
    };
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", onAuthenticationFailed);
    provider.on("synced", onSynced);
    provider.on("unsyncedChanges", onUnsyncedChanges);
    provider.on("close", onClose);
    if (adopted) {
      // What the warmed connection has heard already (it broke otherwise: warm-part.ts hands over none then).
      if (adopted.isAuthenticated && adopted.authorizedScope) onAuthenticated({ scope: adopted.authorizedScope });
      if (adopted.isSynced) onSynced();
      if (adopted.unsyncedChanges > 0) onUnsyncedChanges({ number: adopted.unsyncedChanges });
    } else provider.attach();
    provider.setAwarenessField("user", { name: realtime.me.name, color: caretColor(realtime.color), palette: realtime.color });
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider && !local?.isOrigin(origin)) save.changed();
    };
    d.on("update", onUpdate);
    const onStatus = ({ status }: { status: string }) => save.connected(status === "connected");
    realtime.socket.on("status", onStatus);
    setLive({ doc: d, provider });
    return () => {
      disposed = true;
      if (retry) clearTimeout(retry);
      realtime.socket.off("status", onStatus);
      d.off("update", onUpdate);
      provider.destroy();
      setLive(null);
    };
  }, [doc, realtime, liveCode, sectionId, attempt, save]);

  // The outline's "leer" / "begonnen", live: reported on transitions only, once the document is there.
  useFilledReport(ready ? (live?.doc ?? null) : null, sectionId, liveCode?.hasText ?? noText);

  useEffect(() => {
    if (!far || !active || problem || refused) return;
    const tryPark = () => {
      const { pending, settled } = save.get();
      if (pending || !settled || lastFocusedPart === sectionId || holder.current?.contains(document.activeElement)) return;
      const editor = editorRef.current;
      if (editor && !editor.isDestroyed) setParkedHtml(editor.getHTML());
      setFocusOnMount(false);
      setActive(false);
    };
    tryPark();
    const unsubscribe = save.subscribe(tryPark);
    focusListeners.add(tryPark);
    return () => {
      unsubscribe();
      focusListeners.delete(tryPark);
    };
  }, [far, active, problem, refused, save, sectionId]);

  const collaboration = useMemo(() => (live ? { doc: live.doc, awareness: live.provider.awareness } : undefined), [live]);
  const editable = canEdit && scope === "read-write" && !problem;

  // A refresh after a save sends every part's HTML in the props: only a part whose text changed is rewritten.
  const staticHtml = parkedHtml ?? htmlToRender(htmlKey, loadedKey, domHtml, initialHtml);
  const isEmpty = parkedHtml !== null ? isEmptyHtml(parkedHtml) : empty;
  // Leaving the page: what the part shows is kept for the way back (see static-html.ts).
  const latest = useRef({ staticHtml, shownKey });
  latest.current = { staticHtml, shownKey };
  useLayoutEffect(
    () => () => {
      const editor = editorRef.current;
      const html = editor && !editor.isDestroyed ? editor.getHTML() : (staticRef.current?.innerHTML ?? latest.current.staticHtml);
      if (html) rememberShownHtml(latest.current.shownKey, html);
    },
    [],
  );
  const activate = () => {
    setFocusOnMount(true);
    setActive(true);
  };

  // The server's text, until the part is a live editor (and inside the editor until Tiptap has made it).
  const staticInner = (
    <div
      ref={staticRef}
      className={`rich-static${isEmpty ? " is-empty" : ""}`}
      data-placeholder={canEdit ? placeholder : t("noText")}
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      aria-readonly={canEdit ? undefined : "true"}
      tabIndex={canEdit ? 0 : undefined}
      onFocus={canEdit ? activate : undefined}
      onClick={canEdit ? activate : undefined}
      dangerouslySetInnerHTML={{ __html: staticHtml }}
      data-shown-key={shownKey}
      // A page from the server hydrates this element with "" while its HTML holds the text: React leaves it.
      suppressHydrationWarning
    />
  );
  const staticText = <div className="rich-text">{staticInner}</div>;

  return (
    <div ref={holder} className="section-editor" data-section={sectionId} data-testid={`section-${sectionId}`} data-live={ready && RichTextEditor ? "true" : "false"} onFocus={() => focusPart(sectionId)}>
      {canEdit ? <SaveStatus save={save} problem={problem} scope={scope} active={active} ready={ready} /> : null}
      {refused ? (
        <RefusedChange
          onDiscard={() =>
            void (doc?.local?.clearData() ?? Promise.resolve()).finally(() => {
              setRefused(false);
              setProblem(null);
              setAttempt(0);
              setGeneration((g) => g + 1);
            })
          }
        />
      ) : null}
      <PartPresence sectionId={sectionId} />
      {ready && collaboration && RichTextEditor ? (
        <RichTextEditor
          key={sectionId}
          id={`editor-${sectionId}`}
          label={label}
          content={{ type: "doc" }}
          collaboration={collaboration}
          suggest={suggest}
          partId={sectionId}
          editable={editable}
          placeholder={placeholder}
          toolbar="shared"
          fallback={staticInner}
          autofocus={focusOnMount && editable}
          onEditor={(e) => (editorRef.current = e)}
          onFocus={() => announcePart(realtime, sectionId)}
          onBlur={() => announcePart(realtime, null)}
        />
      ) : (
        staticText
      )}
    </div>
  );
}

const noText = () => false;
/** How near the view a part opens (its document syncs, its editor mounts). */
const NEAR_PX = 200;

/** The part last written in keeps its editor (and with it its undo history) wherever the page is scrolled. */
let lastFocusedPart: string | null = null;
const focusListeners = new Set<() => void>();
function focusPart(sectionId: string) {
  if (lastFocusedPart === sectionId) return;
  lastFocusedPart = sectionId;
  // A far part kept open while it had the focus may be parked now.
  for (const listener of focusListeners) listener();
}

/**
 * "Gespeichert" only when the server has acknowledged (stored) every change; leaving the
 * page asks first while it has not (IndexedDB may be off, e.g. in private windows).
 */
function SaveStatus({ save, problem, scope, active, ready }: { save: SaveState; problem: string | null; scope: string | null; active: boolean; ready: boolean }) {
  const t = useTranslations("editor");
  const read = () => saveLineKey(save.get());
  const { offline, saving, changed } = saveLine(useSyncExternalStore(save.subscribe, read, read));
  let status = "";
  let cls = "save-status";
  if (problem) {
    status = t("error", { message: problem });
    cls += " is-error";
  } else if (offline && active) {
    status = t("offlineLive");
    cls += " is-error";
  } else if (scope === "readonly") {
    status = t("readOnlyNow");
  } else if (saving) {
    status = t("saving");
  } else if (changed) {
    status = t("saved");
    cls += " is-ok";
  } else if (active && !ready) {
    status = t("connecting");
  }
  return (
    <p className={cls} role="status" aria-live="polite" data-testid="save-status">
      {status}
    </p>
  );
}
