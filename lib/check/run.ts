import { RULES } from "./rules";
import { SEVERITY_ORDER, type CheckContext, type Finding, type Rule } from "./types";

/** Run every rule; findings sorted by severity, then in rule order. Pure. */
export function runCheck(ctx: CheckContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings = rules.flatMap((r) => r.run(ctx).map((f) => ({ ...f, rule: r.id, severity: r.severity })));
  return findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
