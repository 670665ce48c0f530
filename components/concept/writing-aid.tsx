"use client";
import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { WritingAid } from "@/lib/template/writing-aids";
import "./writing.css";

/**
 * A heading with its "Schreibhilfe": a disclosure button beside the heading
 * (aria-expanded, aria-controls) that opens guiding questions, what councils
 * expect and an example passage below it. Without an aid only the heading shows.
 */
export function HeadingWithAid({ heading, aid, place }: { heading: ReactNode; aid: WritingAid | null; place: string }) {
  const t = useTranslations("writing");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!aid) return <>{heading}</>;
  return (
    <>
      <div className="part-head">
        {heading}
        <button type="button" className="button-link writing-aid-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {t("aid")}
          <span className="visually-hidden">: {place}</span>
        </button>
      </div>
      <div id={panelId} className="writing-aid" hidden={!open} data-testid="writing-aid">
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
      </div>
    </>
  );
}
