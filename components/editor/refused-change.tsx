"use client";
import { useTranslations } from "next-intl";

/**
 * Under a part whose change the server refused for its content (the reason
 * stands once in the save status above): the text stays in this browser, and
 * nothing reconnects on its own, since the same change would be refused again.
 * The way out is to discard the local copy and load the part anew.
 */
export function RefusedChange({ onDiscard }: { onDiscard: () => void }) {
  const t = useTranslations("editor");
  return (
    <div className="notice notice-error refused-change" data-testid="refused-change">
      <p>{t("refusedKept")}</p>
      <button type="button" className="button-secondary" onClick={onDiscard}>
        {t("refusedDiscard")}
      </button>
    </div>
  );
}
