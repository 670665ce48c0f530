"use client";
import dynamic from "next/dynamic";
import { Suspense } from "react";

const Nothing = () => null;

// The import() stands here literally, not through editor-code.ts's loaders: next/dynamic reads it at build time
// to name the module whose chunks the server preloads (the build lists each imported module's chunks under it).
const EditorCode = dynamic(() => import("./rich-text-editor").then(() => Nothing), { loading: () => null });
const LiveCode = dynamic(() => import("./live-code").then(() => Nothing), { loading: () => null });

/**
 * Names the editor's and the real-time code in the page's head (a low-priority preload that next/dynamic
 * writes on the server), so the browser fetches it while it still parses the long page rather than after
 * hydration, when collab-section-editor.tsx asks for it (issue 17). Renders nothing.
 *
 * In the browser it only stands in for the server's two (empty) boundaries: rendering next/dynamic there would
 * also run the editor's code (about 0.1 s of script) in the middle of hydrating the page, before the page's
 * socket opens; the first part asks for it once its document is on the way (collab-section-editor.tsx).
 */
export function EditorCodePreload() {
  if (typeof window !== "undefined") {
    return (
      <>
        <Suspense fallback={null}>{null}</Suspense>
        <Suspense fallback={null}>{null}</Suspense>
      </>
    );
  }
  return (
    <>
      <EditorCode />
      <LiveCode />
    </>
  );
}
