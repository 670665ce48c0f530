"use client";
import type { JSONContent } from "@tiptap/core";
import { RichTextEditor } from "./rich-text-editor";

/** One editor holding a whole document, nothing stored: the benchmark's yardstick (see einzeleditor/page.tsx). */
export function SingleEditor({ content }: { content: JSONContent }) {
  return (
    <div className="section-editor">
      <RichTextEditor id="single-editor" label="Gesamtes Konzept" content={content} />
    </div>
  );
}
