import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/app/actions/locale";
import { LOCALES } from "@/lib/i18n/config";

/**
 * Deutsch / English as two submit buttons of one form: works without
 * JavaScript, the current language is the pressed button. Each name is marked
 * with its own language so screen readers pronounce it correctly.
 */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations("languageSwitch");
  return (
    <form action={setLocaleAction} className="language-switch">
      <div role="group" aria-label={t("label")} className="actions-row">
        {LOCALES.map((l) => (
          <button key={l} type="submit" name="locale" value={l} lang={l} aria-pressed={l === locale} className="button-secondary">
            {t(l)}
          </button>
        ))}
      </div>
    </form>
  );
}
