"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { answerRoundAction, completeRoundAction } from "@/app/(app)/concepts/[conceptId]/pruefung/actions";
import { Notice } from "@/components/ui/notice";
import { useNoticeAction } from "@/components/ui/use-notice-action";

type Verdict = "approve" | "request_changes";

/** A verdict as two radio buttons (Zustimmung / Änderungsbedarf) inside a fieldset the caller names. */
function VerdictChoice({ name, value, onChange }: { name: string; value: Verdict | ""; onChange: (v: Verdict) => void }) {
  const t = useTranslations("rounds");
  return (
    <>
      <label className="radio">
        <input type="radio" name={name} value="approve" checked={value === "approve"} onChange={() => onChange("approve")} /> {t("approve")}
      </label>
      <label className="radio">
        <input type="radio" name={name} value="request_changes" checked={value === "request_changes"} onChange={() => onChange("request_changes")} /> {t("requestChanges")}
      </label>
    </>
  );
}

/**
 * A reviewer's answer under a chapter or field-of-action heading: Zustimmung or
 * Änderungsbedarf, a note behind a disclosure (optional), one button. Three
 * tab stops per heading, not a form per chapter at the top of the page.
 */
export function RoundAnswerForm({
  conceptId,
  roundId,
  target,
  title,
  current,
}: {
  conceptId: string;
  roundId: string;
  target: string;
  title: string;
  current: { verdict: Verdict; note: string } | null;
}) {
  const t = useTranslations("rounds");
  const { message, setMessage, pending, run } = useNoticeAction();
  const [verdict, setVerdict] = useState<Verdict | "">(current?.verdict ?? "");
  const [note, setNote] = useState(current?.note ?? "");
  const id = `round-${roundId}-${target}`.replace(/[^a-zA-Z0-9_-]/g, "-");
  return (
    <form
      className="round-answer"
      data-testid="round-answer"
      data-target={target}
      aria-label={t("legend", { target: title })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!verdict) return setMessage({ kind: "error", text: t("chooseVerdict") });
        run(() => answerRoundAction({ conceptId, roundId, target, verdict, note }), t("saved"));
      }}
    >
      <fieldset>
        <legend>{t("legend", { target: title })}</legend>
        <VerdictChoice name={`${id}-verdict`} value={verdict} onChange={setVerdict} />
      </fieldset>
      <details open={!!current?.note || undefined}>
        <summary>{t("noteSummary")}</summary>
        <label htmlFor={`${id}-note`} className="visually-hidden">
          {t("noteLabel", { target: title })}
        </label>
        <textarea id={`${id}-note`} rows={2} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
      </details>
      <button type="submit" className="button-secondary" disabled={pending}>
        {t("save")}
        <span className="visually-hidden"> – {title}</span>
      </button>
      <Notice message={message} />
    </form>
  );
}

/** "Prüfung abschließen": the reviewer's overall verdict for the round, with an optional note. */
export function CompleteRoundForm({ conceptId, roundId }: { conceptId: string; roundId: string }) {
  const t = useTranslations("rounds");
  const { message, setMessage, pending, run } = useNoticeAction();
  const [verdict, setVerdict] = useState<Verdict | "">("");
  const [note, setNote] = useState("");
  return (
    <form
      className="round-complete"
      aria-labelledby="round-complete-heading"
      data-testid="round-complete"
      onSubmit={(e) => {
        e.preventDefault();
        if (!verdict) return setMessage({ kind: "error", text: t("chooseVerdict") });
        run(() => completeRoundAction({ conceptId, roundId, verdict, note }), t("completed"));
      }}
    >
      <h3 id="round-complete-heading">{t("completeHeading")}</h3>
      <fieldset>
        <legend>{t("completeLegend")}</legend>
        <VerdictChoice name="round-overall" value={verdict} onChange={setVerdict} />
      </fieldset>
      <div className="field">
        <label htmlFor="round-overall-note">{t("completeNote")}</label>
        <textarea id="round-overall-note" rows={2} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="round-overall-hint" />
        <span id="round-overall-hint" className="hint">
          {t("completeHint")}
        </span>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("complete")}
      </button>
      <Notice message={message} />
    </form>
  );
}
