"use client";
import { useCallback, useEffect, useRef, useState, type CSSProperties } from "react";
import { createPortal } from "react-dom";
import { useTranslations } from "next-intl";
import { Composer } from "@/components/review/composer";
import { useFocusLater } from "@/components/ui/use-focus-later";
import { passageRange, pick, type Picked } from "./margin-selection";
import { activeHighlight } from "./thread-focus";

const inPart = (sectionId: string, selector: string) => document.querySelector<HTMLElement>(`[data-margin-part="${CSS.escape(sectionId)}"] ${selector}`);

/** How far below the top of its part's margin the selection starts (the offer and the composer stand level with it). */
function placed(picked: Picked): Placed {
  const margin = inPart(picked.sectionId, ".margin");
  const top = margin ? Math.max(0, Math.round(picked.range.getBoundingClientRect().top - margin.getBoundingClientRect().top)) : 0;
  return { ...picked, top };
}
type Placed = Picked & { top: number };

const isShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && e.code === "KeyM";

/**
 * The comment margin's one client part for the whole concept page (issue 13):
 * a selection in a part offers "Kommentieren" beside it (or Strg+Alt+M opens
 * the composer at once), the composer opens in that part's margin, and after
 * sending or cancelling the focus goes back to the text, at the end of the
 * passage. It highlights a thread's passage while the thread has focus or
 * the pointer (deep links `#thread-…` are followed by FollowThreadLinks and the
 * margins aligned by AlignMargins, both in the page's streamed body). All of it
 * is done on events through the document; nothing runs per keystroke beyond a
 * key check, and a part costs no client component of its own.
 */
export function MarginComments({ conceptId, canComment }: { conceptId: string; canComment: boolean }) {
  const t = useTranslations("margin");
  const [offer, setOffer] = useState<Placed | null>(null);
  const [composing, setComposing] = useState<Placed | null>(null);
  const [status, setStatus] = useState("");
  const focusLater = useFocusLater();
  const offerRef = useRef(offer);
  offerRef.current = offer;

  const compose = useCallback((picked: Placed) => {
    setOffer(null);
    setStatus("");
    setComposing(picked);
  }, []);

  useEffect(() => {
    if (!canComment) return;
    const update = () => {
      const picked = pick();
      if (!picked) {
        if (offerRef.current) setOffer(null);
        return;
      }
      setOffer(placed(picked));
    };
    const onKeyUp = (e: KeyboardEvent) => {
      // Typing moves no selection worth offering: only Shift (+ arrows, Home, End) selects by keyboard.
      if (e.shiftKey || e.key === "Shift" || offerRef.current) update();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return;
      const picked = pick();
      if (!picked) return;
      e.preventDefault();
      compose(placed(picked));
    };
    document.addEventListener("mouseup", update);
    document.addEventListener("keyup", onKeyUp);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("mouseup", update);
      document.removeEventListener("keyup", onKeyUp);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [canComment, compose]);

  // A thread's passage lights up while the thread has the focus or the pointer.
  useEffect(() => {
    let current: HTMLElement | null = null;
    const show = (e: Event) => {
      const thread = (el: unknown) => (el instanceof Element ? el.closest<HTMLElement>("[data-margin-thread]") : null);
      // Leaving a thread with the pointer goes back to the thread that has the focus (a deep link's), if any.
      const card = thread(e.target) ?? thread(document.activeElement);
      if (card === current) return;
      current = card;
      const h = activeHighlight();
      h?.clear();
      const range = card ? passageRange(card) : null;
      if (range) h?.add(range);
    };
    document.addEventListener("focusin", show);
    document.addEventListener("mouseover", show);
    return () => {
      document.removeEventListener("focusin", show);
      document.removeEventListener("mouseover", show);
    };
  }, []);

  // Resolving moves a thread into its part's fold (reopening out of it): the card is made anew there, and the
  // focus would fall to the page. It goes to the thread if it can be seen, else to the fold's "n erledigte Kommentare".
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const onClick = (e: MouseEvent) => {
      const button = e.target instanceof Element ? e.target.closest("[data-thread-action=state]") : null;
      const card = button?.closest<HTMLElement>("[data-margin-thread]");
      if (!card) return;
      const id = card.dataset.marginThread!;
      const wasResolved = !!card.querySelector(".thread.is-resolved");
      let tries = 0;
      clearInterval(timer);
      timer = setInterval(() => {
        const article = document.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`);
        if (++tries > 100 || !article) return clearInterval(timer);
        if (article.classList.contains("is-resolved") === wasResolved) return;
        clearInterval(timer);
        const fold = article.closest("details");
        (fold && !fold.open ? fold.querySelector<HTMLElement>("summary") : article)?.focus();
      }, 100);
    };
    document.addEventListener("click", onClick);
    return () => {
      clearInterval(timer);
      document.removeEventListener("click", onClick);
    };
  }, []);

  const done = (created?: { threadId: string }) => {
    const picked = composing;
    setComposing(null);
    if (created) setStatus(t("saved"));
    if (!picked) return;
    // Back to the text (the review page's focus return), the caret after the passage: the editor keeps its DOM across the page's refresh.
    focusLater(() => {
      const root = picked.root.isConnected ? picked.root : (inPart(picked.sectionId, ".ProseMirror") ?? inPart(picked.sectionId, ".rich-static"));
      if (root && picked.range.endContainer.isConnected && root.contains(picked.range.endContainer)) {
        const caret = document.createRange();
        caret.setStart(picked.range.endContainer, picked.range.endOffset);
        const sel = document.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(caret);
      }
      return root;
    });
  };

  const offerHost = offer ? inPart(offer.sectionId, ".margin") : null;
  const composeHost = composing ? inPart(composing.sectionId, "[data-margin-slot]") : null;
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {offer && offerHost
        ? createPortal(
            <button
              type="button"
              className="button margin-offer"
              style={{ top: offer.top }}
              aria-keyshortcuts="Control+Alt+M"
              title={t("shortcut")}
              data-testid="margin-offer"
              // Keep the selection: the button must not take it away on press.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => compose(offer)}
            >
              {t("comment")}
            </button>,
            offerHost,
          )
        : null}
      {composing && composeHost
        ? createPortal(
            // Escape cancels, as the other forms that open in place do.
            <div className="margin-compose" style={{ "--margin-top": `${composing.top}px` } as CSSProperties} onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), done())}>
              <Composer
                key={`${composing.sectionId}:${composing.selection.start}:${composing.selection.end}`}
                conceptId={conceptId}
                target={{ kind: "text", sectionId: composing.sectionId }}
                label={composing.label}
                selection={composing.selection}
                onDone={done}
              />
            </div>,
            composeHost,
          )
        : null}
    </>
  );
}
