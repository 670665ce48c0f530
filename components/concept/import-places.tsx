"use client";
import { useTranslations } from "next-intl";
import { IntentLink } from "@/components/ui/intent-link";
import type { Place } from "@/lib/import/draft-merge";
import type { ImportReport } from "@/lib/import/mapping";

/**
 * The second step of an import into a draft: every place the file fills, with
 * what the draft has there, each with a checkbox. A place where the file brings
 * exactly the draft's text starts unticked.
 */
export function PlacesStep({ places, disabled }: { places: Place[]; disabled: boolean }) {
  const t = useTranslations("import");
  const amount = (p: Place, n: number) => (p.kind === "text" ? t("placeWords", { count: n }) : p.kind === "subGoals" ? t("placeGoals", { count: n }) : t("placeMeasures", { count: n }));
  return (
    <fieldset className="import-places">
      <legend>
        <h2>{t("placesTitle")}</h2>
      </legend>
      <p className="form-hint">{t("placesIntro")}</p>
      <ul className="plain-list">
        {places.map((p) => (
          <li key={p.id}>
            <label className="checkbox">
              <input type="checkbox" name="place" value={p.id} defaultChecked={!p.same} disabled={disabled} />{" "}
              <strong>{p.label}</strong>{" "}
              <span className="form-hint">
                {p.same
                  ? t("placeSame")
                  : p.newField
                    ? t("placeNewField", { file: amount(p, p.inFile) })
                    : p.kind === "measures"
                      ? t("placeMeasuresReplace", { file: amount(p, p.inFile), draft: amount(p, p.inDraft) })
                      : t("placeReplace", { file: amount(p, p.inFile), draft: amount(p, p.inDraft) })}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** After an import into a draft: what was taken, and how to undo it. */
export function DraftImportReport({ conceptId, version, taken, report }: { conceptId: string; version: number; taken: Place[]; report: ImportReport }) {
  const t = useTranslations("import");
  return (
    <section aria-labelledby="import-report-heading" role="status">
      <h2 id="import-report-heading">{t("draftReportTitle")}</h2>
      <p>{t("draftReportTaken", { count: taken.length })}</p>
      <ul>
        {taken.map((p) => (
          <li key={p.id}>{p.label}</li>
        ))}
      </ul>
      <p>{t("reportWords", { wordsIn: report.wordsIn, wordsPlaced: report.wordsPlaced })}</p>
      {report.trackedChanges > 0 ? <p>{t("trackedChanges", { count: report.trackedChanges })}</p> : null}
      {report.skipped.length > 0 ? <p>{t("reportSkipped", { count: report.skipped.length })}</p> : null}
      <p>{t("draftReportUndo", { version })}</p>
      <p>
        <IntentLink href={`/concepts/${conceptId}`} className="button button-primary">
          {t("openConcept")}
        </IntentLink>{" "}
        <IntentLink href={`/concepts/${conceptId}/versionen`} className="button">
          {t("openVersions")}
        </IntentLink>
      </p>
    </section>
  );
}
