import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import { requestDomainText } from "@/lib/i18n/domain-server";
import type { CheckResult } from "@/lib/check/service";
import { SEVERITY_ORDER } from "@/lib/check/types";
import { AcknowledgeForm, WithdrawButton } from "./acknowledge-form";


/** Total of open findings, for the header link. */
export function openCount(result: CheckResult) {
  return result.open.error + result.open.warning + result.open.hint;
}

/**
 * The Konzept-Check on the concept page: one line per finding with a link to
 * the place, grouped by severity; findings marked "bewusst so" listed apart
 * with their reason (so reviewers see it).
 */
export async function CheckPanel({ conceptId, result, canEdit }: { conceptId: string; result: CheckResult; canEdit: boolean }) {
  const t = await getTranslations("check");
  // The findings' messages and places come from lib/check in German.
  const dt = await requestDomainText();
  // A field's place is "5.1 Sprache": its number, then a title the template may know.
  const placeLabel = (label: string) => {
    const numbered = /^(\d+(?:\.\d+)+) (.+)$/.exec(label);
    return numbered ? `${numbered[1]} ${dt(numbered[2]!)}` : dt(label);
  };
  const findings = result.findings.map((f) => ({ ...f, message: dt(f.message), place: { ...f.place, label: placeLabel(f.place.label) } }));
  const open = findings.filter((f) => !f.acknowledged);
  const acknowledged = findings.filter((f) => f.acknowledged);
  return (
    <section className="check-panel" id="konzept-check" data-testid="check-panel" aria-labelledby="konzept-check-h">
      <h2 id="konzept-check-h" style={{ margin: 0, fontSize: "1.1rem" }}>
        {t("title")}
      </h2>
      <p className="meta" data-testid="check-summary">
        {open.length === 0
          ? t("noneOpen")
          : SEVERITY_ORDER.filter((s) => result.open[s] > 0)
              .map((s) => t(`count.${s}`, { count: result.open[s] }))
              .join(", ")}
        {acknowledged.length ? ` · ${t("acknowledgedCount", { count: acknowledged.length })}` : ""}
      </p>
      {SEVERITY_ORDER.map((severity) => {
        const items = open.filter((f) => f.severity === severity);
        if (!items.length) return null;
        return (
          <details key={severity} open={severity === "error" || undefined} data-testid={`check-group-${severity}`}>
            <summary className={`check-severity-${severity}`}>
              <strong>
                {t(`heading.${severity}`)} ({items.length})
              </strong>
            </summary>
            <ul>
              {items.map((f) => (
                <li key={f.key} data-testid="check-finding" data-rule={f.rule}>
                  <span className="visually-hidden">{t(`severity.${severity}`)}: </span>
                  <bdi>{f.message}</bdi> <IntentLink href={f.place.href}>{t("toPlaceOf", { place: f.place.label })}</IntentLink>
                  {canEdit ? <AcknowledgeForm conceptId={conceptId} findingKey={f.key} message={f.message} /> : null}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {acknowledged.length ? (
        <details data-testid="check-group-acknowledged">
          <summary>
            <strong>
              {t("acknowledgedHeading")} ({acknowledged.length})
            </strong>
          </summary>
          <ul>
            {acknowledged.map((f) => (
              <li key={f.key} data-testid="check-acknowledged">
                <bdi>{f.message}</bdi> <IntentLink href={f.place.href}>{t("toPlace")}</IntentLink>
                <div className="check-ack">
                  {t("acknowledgedHeading")}
                  {f.acknowledged!.by ? ` (${f.acknowledged!.by})` : ""}: <bdi>{f.acknowledged!.reason}</bdi>
                  {canEdit ? (
                    <>
                      {" · "}
                      <WithdrawButton conceptId={conceptId} findingKey={f.key} />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
