"use client";
import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from "react";
import "./growing-textarea.css";

/** Line breaks typed or pasted into a one-paragraph text (a Teilziel) become spaces. */
export const oneLine = (text: string) => text.replace(/[ \t]*[\r\n]+[ \t]*/g, " ");

/**
 * A text area that grows with its text, for short texts that are still often
 * longer than one line (Teilziele): nothing is cut off as in a one-line input.
 * CSS `field-sizing: content` where the browser has it; elsewhere the height is
 * set from the scroll height (through the CSSOM, which the CSP allows).
 */
export function GrowingTextArea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || (typeof CSS !== "undefined" && CSS.supports("field-sizing", "content"))) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [props.value]);
  return <textarea ref={ref} rows={1} {...props} className={className ? `growing-textarea ${className}` : "growing-textarea"} />;
}
