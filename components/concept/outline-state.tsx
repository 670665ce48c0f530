"use client";
import { useTranslations } from "next-intl";
import { entryState, partState, type OutlineEntry, type PartState } from "@/lib/concepts/outline";
import { useLabels } from "@/lib/i18n/hooks";
import { useFilledParts } from "@/components/editor/filled-store";

/** An entry's state with what the open editors report now (a part "fertig" stays so until its mark is taken back). */
function liveState(entry: OutlineEntry, filled: ReadonlyMap<string, boolean>): PartState {
  const parts = entry.parts.map((p) => {
    const now = p.sectionId ? filled.get(p.sectionId) : undefined;
    return now === undefined ? p.state : partState(now, p.done !== null);
  });
  return entryState([...parts, ...(entry.children ?? []).map((c) => liveState(c, filled))]);
}

/** The "leer / begonnen / fertig" badge of an outline entry, updated while people type. */
export function OutlineState({ entry }: { entry: OutlineEntry }) {
  const t = useTranslations("outline");
  const labels = useLabels();
  const state = useFilledParts((filled) => liveState(entry, filled));
  return (
    <span className={`state state-${state}`} data-state={state}>
      <span className="visually-hidden">{t("state")} </span>
      {labels.outlineStates[state]}
    </span>
  );
}
