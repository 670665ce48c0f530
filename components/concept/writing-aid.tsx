"use client";
import { useId, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { resolveLocale } from "@/lib/i18n/config";
import { writingAid } from "@/lib/template/writing-aids";
import "./writing.css";

/**
 * A heading with its "Schreibhilfe": a disclosure button beside the heading
 * (aria-expanded, aria-controls) that opens guiding questions, what councils
 * expect and an example passage below it. Without an aid only the heading shows.
 * The page names the aid by its key (lib/template/writing-aids.ts); the texts
 * come with this component's code, once, not with every part of the page.
 */
export function HeadingWithAid({ heading, aidKey, place }: { heading: ReactNode; aidKey: string | null; place: string }) {
  const t = useTranslations("writing");
  const locale = resolveLocale(useLocale());
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const aid = writingAid(aidKey, locale);
  if (!aid) return <>{heading}</>;
  return (
    <>
      <div className="part-head">
        {heading}
        <button type="button" className="button-link writing-aid-toggle" aria-expanded={open} aria-controls={panelId} aria-label={`${t("aid")}: ${place}`} onClick={() => setOpen((o) => !o)}>
          {t("aid")}
        </button>
      </div>
      <div id={panelId} className="writing-aid" hidden={!open} data-testid="writing-aid">
        {open ? (
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
        ) : null}
      </div>
    </>
  );
}
