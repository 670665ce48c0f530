import { ROLE_LABELS } from "@/lib/authz/permissions";
import { STATE_LABELS } from "@/lib/concepts/outline";
import { ORG_MODELS, SETTING_LABELS } from "@/lib/concepts/setting-labels";
import { STATUS_LABELS as CONCEPT_STATUS_LABELS } from "@/lib/concepts/status";
import { MUNICIPALITY_KIND_LABELS } from "@/lib/members/labels";
import { FUNDING_SOURCE_LABELS, INDICATOR_KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS, TASK_TYPE_LABELS } from "@/lib/measures/labels";
import { YEAR_STATUS_LABELS } from "@/lib/monitoring/year-status";
import { DEFAULT_LOCALE } from "./config";
import type { Lookup } from "./lookup";

/**
 * The German labels of the domain's enumerations live in lib/ (the source of
 * truth, also used by exports). messages/de.json mirrors them under "labels"
 * (kept equal by lib/i18n/messages.test.ts); messages/en.json translates them.
 */
export const LABEL_SOURCES = {
  roles: ROLE_LABELS,
  municipalityKinds: MUNICIPALITY_KIND_LABELS,
  taskTypes: TASK_TYPE_LABELS,
  statuses: STATUS_LABELS,
  priorities: PRIORITY_LABELS,
  fundingSources: FUNDING_SOURCE_LABELS,
  indicatorKinds: INDICATOR_KIND_LABELS,
  outlineStates: STATE_LABELS,
  settings: SETTING_LABELS,
  orgModels: ORG_MODELS,
  conceptStatuses: CONCEPT_STATUS_LABELS,
  yearStatuses: YEAR_STATUS_LABELS,
} as const;

type Sources = typeof LABEL_SOURCES;
export type Labels = { [G in keyof Sources]: Record<keyof Sources[G], string> };

/**
 * The labels in the UI language. German shows lib's labels unchanged; other
 * languages use the "labels" messages, falling back to German for a key the
 * catalogue lacks. `lookup` resolves keys within the "labels" namespace.
 */
export function localizeLabels(locale: string, lookup: Lookup): Labels {
  if (locale === DEFAULT_LOCALE) return LABEL_SOURCES;
  const out: Record<string, Record<string, string>> = {};
  for (const [group, source] of Object.entries(LABEL_SOURCES)) {
    out[group] = Object.fromEntries(Object.entries(source).map(([key, german]) => [key, lookup(`${group}.${key}`) ?? german]));
  }
  return out as Labels;
}
