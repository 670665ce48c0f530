import Link from "next/link";
import type { CheckResult } from "@/lib/check/service";
import { SEVERITY_LABELS, SEVERITY_ORDER } from "@/lib/check/types";
import { AcknowledgeForm, WithdrawButton } from "./acknowledge-form";

const HEADINGS = { error: "Fehler", warning: "Warnungen", hint: "Hinweise" } as const;

/** Total of open findings, for the header link. */
export function openCount(result: CheckResult) {
  return result.open.error + result.open.warning + result.open.hint;
}

/**
 * The Konzept-Check on the concept page: one line per finding with a link to
 * the place, grouped by severity; findings marked "bewusst so" listed apart
 * with their reason (so reviewers see it).
 */
export function CheckPanel({ conceptId, result, canEdit }: { conceptId: string; result: CheckResult; canEdit: boolean }) {
  const open = result.findings.filter((f) => !f.acknowledged);
  const acknowledged = result.findings.filter((f) => f.acknowledged);
  return (
    <section className="check-panel" id="konzept-check" data-testid="check-panel" aria-labelledby="konzept-check-h">
      <h2 id="konzept-check-h" style={{ margin: 0, fontSize: "1.1rem" }}>
        Konzept-Check
      </h2>
      <p className="meta" data-testid="check-summary">
        {open.length === 0
          ? "keine offenen Hinweise"
          : SEVERITY_ORDER.filter((s) => result.open[s] > 0)
              .map((s) => `${result.open[s]} ${result.open[s] === 1 ? SEVERITY_LABELS[s] : HEADINGS[s]}`)
              .join(", ")}
        {acknowledged.length ? ` · ${acknowledged.length} bewusst so` : ""}
      </p>
      {SEVERITY_ORDER.map((severity) => {
        const items = open.filter((f) => f.severity === severity);
        if (!items.length) return null;
        return (
          <details key={severity} open={severity === "error" || undefined} data-testid={`check-group-${severity}`}>
            <summary className={`check-severity-${severity}`}>
              <strong>
                {HEADINGS[severity]} ({items.length})
              </strong>
            </summary>
            <ul>
              {items.map((f) => (
                <li key={f.key} data-testid="check-finding" data-rule={f.rule}>
                  <span className="visually-hidden">{SEVERITY_LABELS[severity]}: </span>
                  <bdi>{f.message}</bdi> <Link href={f.place.href}>Zur Stelle: {f.place.label}</Link>
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
            <strong>Bewusst so ({acknowledged.length})</strong>
          </summary>
          <ul>
            {acknowledged.map((f) => (
              <li key={f.key} data-testid="check-acknowledged">
                <bdi>{f.message}</bdi> <Link href={f.place.href}>Zur Stelle</Link>
                <div className="check-ack">
                  Bewusst so{f.acknowledged!.by ? ` (${f.acknowledged!.by})` : ""}: <bdi>{f.acknowledged!.reason}</bdi>
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
