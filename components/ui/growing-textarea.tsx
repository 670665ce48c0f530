"use client";
import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from "react";
import { useAfterLoad } from "./after-load";

/** Line breaks typed or pasted into a one-paragraph text (a Teilziel) become spaces. */
export const oneLine = (text: string) => text.replace(/[ \t]*[\r\n]+[ \t]*/g, " ");

/**
 * A text area that grows with its text, for short texts that are still often
 * longer than one line (Teilziele): nothing is cut off as in a one-line input.
 * CSS `field-sizing: content` where the browser has it; elsewhere the height is
 * set from the scroll height (through the CSSOM, which the CSP allows).
 *
 * A page from the server shows the text in a box of the same size first and puts the text area in once the
 * browser is idle after loading (useAfterLoad). The box is never focusable (a key press cannot go into it);
 * a click on it brings the text area at once.
 */
export function GrowingTextArea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [live, now] = useAfterLoad(ref);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || (typeof CSS !== "undefined" && CSS.supports("field-sizing", "content"))) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [props.value, live]);
  const classes = className ? `growing-textarea ${className}` : "growing-textarea";
  if (!live) {
    return (
      // (a user's text, like the text area's value: isolated, and not part of the interface's wording)
      <div className={`${classes} textarea-pending user-text`} aria-hidden="true" onClick={now}>
        {typeof props.value === "string" && props.value ? props.value : "\u00a0"}
      </div>
    );
  }
  return <textarea ref={ref} rows={1} {...props} className={classes} />;
}
