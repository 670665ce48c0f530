import type { Ref } from "react";
import { useTranslations } from "next-intl";
import { errorLabel } from "./measure-form-values";

/**
 * The form's message at the top: "not saved" with a link to each wrong input
 * (in form order), or an info such as "current version loaded". A live region
 * that also takes focus, so keyboard users find it.
 */
export function MeasureErrorSummary({
  ref,
  summary,
  entries: errorEntries,
  targetOf,
}: {
  ref: Ref<HTMLDivElement>;
  summary: { kind: "error" | "info"; text: string } | null;
  entries: [path: string, message: string][];
  targetOf: (path: string) => string;
}) {
  const t = useTranslations("measures");
  return (
    <div ref={ref} tabIndex={-1} className="measure-form-summary" aria-live="polite" aria-atomic="true">
      {summary ? (
        <div className={summary.kind === "error" ? "notice notice-error" : "notice"}>
          <p>{summary.text}</p>
          {errorEntries.length ? (
            <ul>
              {errorEntries.map(([path, message]) => (
                <li key={path}>
                  <a
                    href={`#${targetOf(path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(targetOf(path))?.focus();
                    }}
                  >
                    {errorLabel(path, t)}: {message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
