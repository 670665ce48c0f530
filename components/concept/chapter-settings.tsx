"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { saveSettingsAction } from "@/app/(app)/concepts/[conceptId]/actions";
import { useLabels } from "@/lib/i18n/hooks";
import { Notice, noticeFor, type NoticeMessage } from "@/components/ui/notice";
import { useFromServerHtml } from "@/components/ui/from-server-html";

type Props = { conceptId: string; chapterKey: string; keys: readonly string[]; values: Record<string, unknown>; canEdit: boolean };

/** The structured answers of one chapter (validity, orientation, organisational model, update cycle). */
export function ChapterSettings({ conceptId, chapterKey, keys, values, canEdit }: Props) {
  const [message, setMessage] = useState<NoticeMessage>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const t = useTranslations("concept");
  const labels = useLabels();
  const id = (k: string) => `${chapterKey}-${k}`;
  // Before the form is live, a press would submit it the browser's way (a GET with the answers in the address).
  const live = !useFromServerHtml();

  function submit(form: FormData) {
    const settings: Record<string, unknown> = {};
    for (const k of keys) {
      const raw = form.get(k);
      const v = typeof raw === "string" ? raw.trim() : "";
      if (k === "wholeSociety") settings[k] = v === "" ? null : v === "true";
      else if (k === "updateCycleYears") settings[k] = v === "" ? null : Number(v);
      else if (k === "validFrom" || k === "validUntil" || k === "orgModel") settings[k] = v === "" ? null : v;
      else settings[k] = v;
    }
    setMessage(null);
    start(async () => {
      const result = await saveSettingsAction({ conceptId, settings });
      setMessage(noticeFor(result, t("settingsSaved")));
      if (result.ok) router.refresh();
    });
  }

  const str = (k: string) => (values[k] === null || values[k] === undefined ? "" : String(values[k]));
  return (
    // (onSubmit, not action: a form action would empty the fields at once, also when the server then refuses the dates)
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
      className="settings"
      aria-label={t("settingsLabel")}
    >
      <div className="settings-grid">
        {keys.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={id(k)}>{labels.settings[k] ?? k}</label>
            {k === "wholeSociety" ? (
              <select id={id(k)} name={k} defaultValue={str(k)} disabled={!canEdit}>
                <option value="">{t("choose")}</option>
                <option value="true">{t("wholeSocietyTrue")}</option>
                <option value="false">{t("wholeSocietyFalse")}</option>
              </select>
            ) : k === "orgModel" ? (
              <select id={id(k)} name={k} defaultValue={str(k)} disabled={!canEdit}>
                <option value="">{t("choose")}</option>
                {Object.entries(labels.orgModels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            ) : k === "validFrom" || k === "validUntil" ? (
              <input id={id(k)} name={k} type="date" defaultValue={str(k)} disabled={!canEdit} />
            ) : k === "updateCycleYears" ? (
              <input id={id(k)} name={k} type="number" min={1} max={20} defaultValue={str(k)} disabled={!canEdit} />
            ) : (
              <input id={id(k)} name={k} type="text" maxLength={200} defaultValue={str(k)} disabled={!canEdit} />
            )}
          </div>
        ))}
      </div>
      {canEdit ? (
        <div className="actions-row">
          <button type="submit" className="button-secondary" disabled={pending || !live}>
            {pending ? t("saving") : t("saveSettings")}
          </button>
          <Notice message={message} />
        </div>
      ) : null}
    </form>
  );
}
