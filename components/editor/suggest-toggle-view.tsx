"use client";
import { useTranslations } from "next-intl";

/** The shared toolbar's "Vorschlagen" button; pressed while the focused part's changes become proposals. */
export function SuggestToggleView({ on, disabled, onToggle }: { on: boolean; disabled: boolean; onToggle?: () => void }) {
  const t = useTranslations("editor");
  return (
    <button
      type="button"
      className="suggest-toggle"
      aria-pressed={on}
      title={t("suggestModeOn")}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onToggle}
      data-testid="suggest-mode-toggle"
    >
      {t("suggestModeToggle")}
    </button>
  );
}
