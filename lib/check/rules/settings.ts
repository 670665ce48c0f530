import { formatDate } from "@/lib/measures/labels";
import { places } from "../places";
import type { Rule } from "../types";

export const updateCycleMissing: Rule = {
  id: "fortschreibung-ohne-turnus",
  severity: "warning",
  description: "Der Turnus der Fortschreibung ist nicht festgelegt.",
  run: (ctx) =>
    ctx.settings.updateCycleYears
      ? []
      : [{ key: "fortschreibung-ohne-turnus", message: "Es ist nicht festgelegt, alle wie viele Jahre das Konzept fortgeschrieben wird.", place: places.chapter(ctx, "update") }],
};

export const validity: Rule = {
  id: "geltungsdauer",
  severity: "error",
  description: "Der Geltungszeitraum fehlt oder ist abgelaufen.",
  run: (ctx) => {
    const { validFrom, validUntil } = ctx.settings;
    if (!validFrom || !validUntil) {
      return [{ key: "geltungsdauer:fehlt", message: "Der Geltungszeitraum (gültig ab / bis) ist nicht vollständig angegeben.", place: places.chapter(ctx, "mandate") }];
    }
    if (validUntil < ctx.today) {
      return [{ key: `geltungsdauer:abgelaufen:${validUntil}`, message: `Der Geltungszeitraum ist am ${formatDate(validUntil)} abgelaufen; eine Fortschreibung ist fällig.`, place: places.chapter(ctx, "mandate") }];
    }
    return [];
  },
};
