import { useTranslations } from "next-intl";

/** Someone else saved the measure meanwhile: load their version, or save mine over it. */
export function MeasureConflict({ onLoadCurrent, onKeepMine }: { onLoadCurrent: () => void; onKeepMine: () => void }) {
  const t = useTranslations("measures");
  return (
    <div className="conflict" role="alert">
      <p>{t.rich("conflict", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <div className="actions-row">
        <button type="button" className="button" onClick={onLoadCurrent}>
          {t("loadCurrent")}
        </button>
        <button type="button" className="button-secondary" onClick={onKeepMine}>
          {t("keepMine")}
        </button>
      </div>
    </div>
  );
}
