"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { closeRoundAction, startRoundAction } from "@/app/(app)/concepts/[conceptId]/pruefung/actions";
import { Notice } from "@/components/ui/notice";
import { useNoticeAction } from "@/components/ui/use-notice-action";
import { VersionOptions } from "@/components/versions/version-options";
import { RequiredMark } from "@/components/ui/required-mark";

/** Admins: start a round for a version with reviewers and a due date. */
export function StartRoundForm({
  conceptId,
  versions,
  people,
}: {
  conceptId: string;
  versions: { number: number; label: string }[];
  people: { id: string; name: string; role: string }[];
}) {
  const t = useTranslations("review");
  const { message, pending, run } = useNoticeAction();
  const [formKey, setFormKey] = useState(0);
  return (
    <form
      key={formKey}
      className="card round-start"
      aria-labelledby="start-round-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        run(
          () =>
            startRoundAction({
              conceptId,
              title: String(form.get("title") ?? ""),
              versionNumber: Number(form.get("version")),
              dueDate: String(form.get("due") ?? ""),
              reviewerIds: form.getAll("reviewer").map(String),
            }),
          t("roundStarted"),
          () => setFormKey((k) => k + 1),
        );
      }}
    >
      <h3 id="start-round-heading" style={{ marginTop: 0 }}>
        {t("startRoundHeading")}
      </h3>
      <div className="actions-row">
        <div className="field" style={{ flex: 1, minWidth: "16rem" }}>
          <label htmlFor="round-title">
            {t("roundTitle")}
            <RequiredMark />
          </label>
          <input id="round-title" name="title" type="text" required maxLength={200} placeholder={t("roundTitlePlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor="round-version">{t("roundVersion")}</label>
          <select id="round-version" name="version" defaultValue={versions[0]?.number}>
            <VersionOptions versions={versions} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="round-due">
            {t("roundDue")}
            <RequiredMark />
          </label>
          <input id="round-due" name="due" type="date" required />
        </div>
      </div>
      <fieldset className="reviewer-choice">
        <legend>{t("roundReviewers")}</legend>
        {people.map((p) => (
          <label key={p.id} className="checkbox">
            <input type="checkbox" name="reviewer" value={p.id} defaultChecked={p.role === "reviewer"} /> {p.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {t("startRound")}
      </button>
      <Notice message={message} />
    </form>
  );
}

export function CloseRoundButton({ conceptId, roundId }: { conceptId: string; roundId: string }) {
  const t = useTranslations("review");
  const { message, pending, run } = useNoticeAction();
  return (
    <div>
      <button type="button" className="button-secondary" disabled={pending} onClick={() => run(() => closeRoundAction({ conceptId, roundId }), t("roundClosedDone"))}>
        {t("closeRound")}
      </button>
      <Notice message={message} />
    </div>
  );
}
