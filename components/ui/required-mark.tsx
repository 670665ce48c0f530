import { useTranslations } from "next-intl";

/**
 * "(Pflichtfeld)" after the label of a field the form cannot do without: the
 * one convention of every form (issue 15). Most of our forms have more optional
 * than required fields, so the few required ones are marked, in words, not with
 * a bare asterisk. Hidden from screen readers, which hear `required` on the
 * control itself; the accessible name stays the label.
 */
export function RequiredMark() {
  const t = useTranslations("form");
  return (
    <span className="required-mark" aria-hidden="true">
      {" "}
      {t("required")}
    </span>
  );
}
