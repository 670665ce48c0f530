"use client";
import { useTranslations } from "next-intl";
import { IntentLink } from "@/components/ui/intent-link";
import { RestoreButton } from "./version-forms";

/**
 * One history row's actions: compare with the version before and with the draft, PDF, JSON, restore. One client
 * component per row that builds them from five values, instead of their whole element tree sent per row in the
 * page's React payload: 50 versions made that a third of the history page (issue 17).
 */
export function VersionRowActions({ conceptId, number, previous, label, canRestore }: { conceptId: string; number: number; previous: number | null; label: string; canRestore: boolean }) {
  const t = useTranslations("versions");
  const compare = `/concepts/${conceptId}/versionen/vergleich`;
  return (
    <div className="actions-row" style={{ gap: ".5rem" }}>
      {previous !== null ? <IntentLink href={`${compare}?von=${previous}&bis=${number}`}>{t("compareWith", { number: previous })}</IntentLink> : null}
      <IntentLink href={`${compare}?von=${number}&bis=entwurf`}>{t("compareWithDraft")}</IntentLink>
      <a href={`/api/concepts/${conceptId}/export.pdf?version=${number}`} download>
        PDF<span className="visually-hidden"> {t("jsonOf", { number })}</span>
      </a>
      <a href={`/api/concepts/${conceptId}/versions/${number}`} download={`Version-${number}.json`}>
        JSON<span className="visually-hidden"> {t("jsonOf", { number })}</span>
      </a>
      {canRestore ? <RestoreButton conceptId={conceptId} number={number} label={label} /> : null}
    </div>
  );
}
