import { useTranslations } from "next-intl";
import { useLabels } from "@/lib/i18n/hooks";
import type { ConceptSteps } from "@/lib/concepts/steps";

/** The concept's status as a badge: text first, colour only as a second cue. */
export function StatusBadge({ steps, testId }: { steps: ConceptSteps; testId?: string }) {
  const t = useTranslations("status");
  const labels = useLabels();
  return (
    <span className="status-badges">
      <span className={`status-badge status-${steps.current}`} data-testid={testId}>
        <span className="visually-hidden">{t("badgePrefix")} </span>
        {labels.conceptStatuses[steps.current]}
      </span>
      {steps.isUpdate ? <span className="status-badge status-update">{t("update")}</span> : null}
    </span>
  );
}

/**
 * The municipal path as an ordered list; the current step carries
 * aria-current="step", and every step says in words whether it is done.
 */
export function StepIndicator({ steps, compact = false, label }: { steps: ConceptSteps; compact?: boolean; label: string }) {
  const t = useTranslations("status");
  const labels = useLabels();
  return (
    <ol className={compact ? "step-indicator step-indicator-compact" : "step-indicator"} aria-label={label}>
      {steps.steps.map((s, i) => (
        <li key={s.status} className={`step step-${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
          <span className="step-mark" aria-hidden="true">
            {s.state === "done" ? "✓" : i + 1}
          </span>
          <span className="step-label">{labels.conceptStatuses[s.status]}</span>
          <span className="visually-hidden"> ({t(`state_${s.state}`)})</span>
        </li>
      ))}
    </ol>
  );
}
