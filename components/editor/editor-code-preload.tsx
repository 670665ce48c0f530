"use client";
import dynamic from "next/dynamic";

const Nothing = () => null;

// The import() stands here literally, not through editor-code.ts's loaders: next/dynamic reads it at build time
// to name the module whose chunks the server preloads (the build lists each imported module's chunks under it).
const EditorCode = dynamic(() => import("./rich-text-editor").then(() => Nothing), { loading: () => null });
const LiveCode = dynamic(() => import("./live-code").then(() => Nothing), { loading: () => null });

/**
 * Names the editor's and the real-time code in the page's head (a low-priority preload that next/dynamic
 * writes on the server), so the browser fetches it while it still parses the long page rather than after
 * hydration, when collab-section-editor.tsx asks for it (issue 17). Renders nothing.
 */
export function EditorCodePreload() {
  return (
    <>
      <EditorCode />
      <LiveCode />
    </>
  );
}
