"use client";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

export type PdfExportProps = {
  conceptId: string;
  /** stored versions, newest first */
  versions: { number: number; label: string; date: string }[];
};

type Format = "pdf" | "docx" | "odt";
type State =
  | { kind: "idle" }
  | { kind: "running"; format: Format }
  | { kind: "done"; format: Format; name: string; pages: string; logoOmitted: boolean }
  | { kind: "error"; format: Format; message: string };

/** The file name the server chose (filename* in UTF-8 first, then the ASCII one). */
function fileNameOf(disposition: string | null, format: Format): string {
  const fallback = `Integrationskonzept.${format}`;
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {}
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * "PDF exportieren": choose the version and the annex, then the PDF (or the
 * same content as Word or OpenDocument file) is fetched (progress and errors
 * in a live region) and handed to the browser as a download. Plain form
 * controls, so it works with the keyboard alone.
 */
export function PdfExport({ conceptId, versions }: PdfExportProps) {
  const t = useTranslations("pdf");
  const [state, setState] = useState<State>({ kind: "idle" });
  const [version, setVersion] = useState("");
  const [history, setHistory] = useState(false);
  const [comments, setComments] = useState(false);
  const commentsId = useId();
  const [suggestions, setSuggestions] = useState(false);
  const suggestionsId = useId();
  const [rounds, setRounds] = useState(false);
  const roundsId = useId();
  const versionId = useId();
  const historyId = useId();
  const statusId = useId();
  const hintId = useId();

  const query = new URLSearchParams();
  if (version) query.set("version", version);
  if (history) query.set("history", "1");
  if (comments) query.set("comments", "1");
  if (suggestions) query.set("suggestions", "1");
  if (rounds) query.set("rounds", "1");
  const qs = query.toString() ? `?${query}` : "";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void download("pdf");
  }

  async function download(format: Format) {
    if (state.kind === "running") return;
    setState({ kind: "running", format });
    try {
      const res = await fetch(`/api/concepts/${conceptId}/export.${format}${qs}`);
      if (!res.ok) {
        let message = res.statusText;
        try {
          const body = (await res.json()) as { error?: { message?: string } };
          message = body.error?.message ?? message;
        } catch {}
        setState({ kind: "error", format, message });
        return;
      }
      const blob = await res.blob();
      const name = fileNameOf(res.headers.get("Content-Disposition"), format);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "done", format, name, pages: res.headers.get("X-Pdf-Pages") ?? "?", logoOmitted: res.headers.get("X-Pdf-Logo") === "omitted" });
    } catch {
      setState({ kind: "error", format, message: t("network") });
    }
  }

  const running = state.kind === "running";
  return (
    <section className="pdf-export" aria-labelledby={`${statusId}-h`}>
      <h2 id={`${statusId}-h`} className="visually-hidden">
        {t("title")}
      </h2>
      <form className="actions-row" onSubmit={submit} aria-busy={running} aria-describedby={hintId}>
        <label htmlFor={versionId}>{t("version")}</label>
        <select id={versionId} value={version} onChange={(e) => setVersion(e.target.value)} disabled={running}>
          <option value="">{t("current")}</option>
          {versions.map((v) => (
            <option key={v.number} value={String(v.number)}>
              {t("versionOption", { number: v.number, label: v.label, date: v.date })}
            </option>
          ))}
        </select>
        <span className="checkbox">
          <input id={historyId} type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} disabled={running} />
          <label htmlFor={historyId}>{t("history")}</label>
        </span>
        <span className="checkbox">
          <input id={commentsId} type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} disabled={running} />
          <label htmlFor={commentsId}>{t("comments")}</label>
        </span>
        <span className="checkbox">
          <input id={suggestionsId} type="checkbox" checked={suggestions} onChange={(e) => setSuggestions(e.target.checked)} disabled={running} />
          <label htmlFor={suggestionsId}>{t("suggestions")}</label>
        </span>
        <span className="checkbox">
          <input id={roundsId} type="checkbox" checked={rounds} onChange={(e) => setRounds(e.target.checked)} disabled={running} />
          <label htmlFor={roundsId}>{t("rounds")}</label>
        </span>
        <button type="submit" className="button" disabled={running}>
          {t("submit")}
        </button>
        <button type="button" className="button-secondary" disabled={running} onClick={() => void download("docx")}>
          {t("docx")}
        </button>
        <button type="button" className="button-secondary" disabled={running} onClick={() => void download("odt")}>
          {t("odt")}
        </button>
        <a className="button-secondary" href={`/concepts/${conceptId}/druckvorschau${qs}`}>
          {t("preview")}
        </a>
      </form>
      <p id={hintId} className="form-hint">
        {t("hint")}
      </p>
      <div id={statusId}>
        <p className="form-status" role="status" aria-live="polite">
          {running ? (
            <>
              <progress aria-label={state.format === "pdf" ? t("running") : t("officeRunning")} /> {state.format === "pdf" ? t("running") : t("officeRunning")}
            </>
          ) : null}
        </p>
        <Notice
          message={
            state.kind === "done"
              ? {
                  kind: "ok",
                  text:
                    state.format === "pdf"
                      ? t("done", { name: state.name, pages: state.pages }) + (state.logoOmitted ? ` ${t("logoOmitted")}` : "")
                      : t("officeDone", { name: state.name }),
                }
              : state.kind === "error"
                ? { kind: "error", text: state.format === "pdf" ? t("failed", { message: state.message }) : t("officeFailed", { message: state.message }) }
                : null
          }
        />
      </div>
    </section>
  );
}
