import { getTranslations } from "next-intl/server";
import { getLabels } from "@/lib/i18n/server";
import { indicatorLine, type GoalTree as Tree, type TreeMeasure } from "@/lib/measures/goal-tree";

/**
 * A field's goal tree (Leitziel → Teilziele → Maßnahmen → Indikatoren) as a
 * part of the field (heading 4), folded under "Zielbaum anzeigen": nested
 * lists, a heading 5 per branch, each measure linked to its card
 * (server-rendered, from lib/measures/goal-tree).
 */
export async function GoalTree({ fieldId, tree }: { fieldId: string; tree: Tree }) {
  const t = await getTranslations("measures");
  const labels = await getLabels();
  const measures = new Set([...tree.subGoals.flatMap((g) => g.measures), ...tree.withoutSubGoal].map((m) => m.id)).size;
  const branches = [
    ...tree.subGoals.map((g) => ({ key: g.id, head: <bdi>{g.text}</bdi>, measures: g.measures })),
    ...(tree.withoutSubGoal.length ? [{ key: "none", head: <>{t("withoutSubGoal")}</>, measures: tree.withoutSubGoal }] : []),
  ];
  const measureItem = (m: TreeMeasure) => (
    <li key={m.id}>
      {/* the card's id in FieldMeasures: measures-<field>-<measure> */}
      <a href={`#measures-${fieldId}-${m.id}`}>
        <bdi>{m.label}</bdi> <bdi>{m.title}</bdi>
      </a>
      {m.indicators.length ? (
        <ul aria-label={t("indicatorsOf", { measure: m.label })}>
          {m.indicators.map((x, i) => (
            <li key={i}>
              <bdi>{indicatorLine(x, labels.indicatorKinds[x.kind])}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
  return (
    <>
      <h4>{t("goalTree")}</h4>
      <details className="goal-tree" data-testid={`goal-tree-${fieldId}`}>
        <summary>{t("goalTreeShow", { subGoals: tree.subGoals.length, measures })}</summary>
        {tree.goal ? (
          <p>
            <strong>{t("goalTreeGoal")}</strong> <bdi>{tree.goal}</bdi>
          </p>
        ) : (
          <p className="meta">{t("goalTreeNoGoal")}</p>
        )}
        {branches.length ? (
          <ul className="goal-tree-branches">
            {branches.map((b) => (
              <li key={b.key}>
                <h5>{b.head}</h5>
                {b.measures.length ? <ul>{b.measures.map(measureItem)}</ul> : <p className="meta">{t("goalTreeNoMeasure")}</p>}
              </li>
            ))}
          </ul>
        ) : null}
      </details>
    </>
  );
}
