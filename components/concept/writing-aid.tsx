"use client";
import { useId, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { fetchedOnce } from "@/lib/fetched-once";
import { resolveLocale } from "@/lib/i18n/config";

type Aids = typeof import("@/lib/template/writing-aids");
// The texts (about 9 KB gzip, both languages) come when an aid is first wanted, not with the page's first script.
const loadAids = fetchedOnce<Aids>(() => import("@/lib/template/writing-aids"));

/**
 * A heading with its "Schreibhilfe": a disclosure button beside the heading
 * (aria-expanded, aria-controls) that opens guiding questions, what councils
 * expect and an example passage below it. Without an aid only the heading shows.
 * The page names the aid by its key (lib/template/writing-aids.ts, which only
 * gives keys of aids that exist); the texts load when the button is first
 * pointed at, focused or pressed, once for the whole page.
 */
export function HeadingWithAid({ heading, aidKey, place }: { heading: ReactNode; aidKey: string | null; place: string }) {
  const t = useTranslations("writing");
  const locale = resolveLocale(useLocale());
  const [open, setOpen] = useState(false);
  const [texts, setTexts] = useState<Aids | "failed" | null>(null);
  const panelId = useId();
  if (!aidKey) return <>{heading}</>;
  const fetchTexts = () => {
    if (texts && texts !== "failed") return;
    loadAids().then(setTexts, () => setTexts("failed"));
  };
  const aid = texts && texts !== "failed" ? texts.writingAid(aidKey, locale) : null;
  return (
    <>
      <div className="part-head">
        {heading}
        <button
          type="button"
          className="button-link writing-aid-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={`${t("aid")}: ${place}`}
          onPointerEnter={fetchTexts}
          onFocus={fetchTexts}
          onClick={() => {
            if (!open) fetchTexts();
            setOpen((o) => !o);
          }}
        >
          {t("aid")}
        </button>
      </div>
      <div id={panelId} className="writing-aid" hidden={!open} data-testid="writing-aid" aria-busy={open && !texts}>
        {!open ? null : texts === "failed" ? (
          <p role="alert">{t("aidFailed")}</p>
        ) : !texts ? (
          <p>{t("aidLoading")}</p>
        ) : !aid ? null : (
          <>
            <p className="writing-aid-title">{t("questions")}</p>
            <ul>
              {aid.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
            <p className="writing-aid-title">{t("expectations")}</p>
            <ul>
              {aid.expectations.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
            <p className="writing-aid-title">{t("example")}</p>
            <blockquote>{aid.example}</blockquote>
          </>
        )}
      </div>
    </>
  );
}
