import { useLocale, useTranslations } from "next-intl";
import { localizeLabels, type Labels } from "./labels";
import { lookupOf } from "./lookup";
import { localizeTemplate, type TemplateText } from "./template";

/** Enumeration labels in the UI language, for client and non-async server components. */
export function useLabels(): Labels {
  const locale = useLocale();
  const t = useTranslations("labels");
  return localizeLabels(locale, lookupOf(t));
}

/** Template titles and hints in the UI language, for client and non-async server components. */
export function useTemplateText(): TemplateText {
  const locale = useLocale();
  const t = useTranslations("template");
  return localizeTemplate(locale, lookupOf(t));
}
