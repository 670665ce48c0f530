import "server-only";
import { Window } from "happy-dom";

/** A DOM on the server that runs no script and loads nothing: for parsing and building HTML, never for a page. */
export function inertWindow(): Window {
  return new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
}
