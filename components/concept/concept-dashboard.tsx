import type { ReactNode } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import { useTranslations } from "next-intl";
import type { DashboardEntry } from "@/lib/concepts/dashboard";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTemplateText } from "@/lib/i18n/hooks";
import { templateFor } from "@/lib/template";
import { StatusBadge, StepIndicator } from "./status-steps";

/**
 * One concept in the list: title, status and steps, then its figures as a
 * description list; `children` (an admin's archive and delete controls) last.
 * In the "Archiv" section the title is a level-3 heading under that section's.
 */
export function ConceptDashboardEntry({ entry, today, level = 2, children }: { entry: DashboardEntry; today: string; level?: 2 | 3; children?: ReactNode }) {
  const Heading = level === 3 ? "h3" : "h2";
  const t = useTranslations("concepts");
  const ts = useTranslations("status");
  const tt = useTemplateText();
  const chapters = templateFor(entry.templateVersion).chapters;
  const place = (e: DashboardEntry["editors"][number]) => {
    if (e.fieldTitle) return e.fieldTitle;
    const chapter = chapters.find((c) => c.key === e.chapter);
    return chapter ? tt.chapterTitle(chapter) : null;
  };
  const chapterTitle = (key: string) => {
    const chapter = chapters.find((c) => c.key === key);
    return chapter ? tt.chapterTitle(chapter) : null;
  };
  const due = entry.rounds?.nextDue ?? null;
  return (
    <li className="card" data-testid="concept-entry">
      <Heading style={{ margin: 0, fontSize: "1.15rem" }}>
        <IntentLink href={`/concepts/${entry.id}`}>
          <bdi>{entry.title}</bdi>
        </IntentLink>
      </Heading>
      <div className="actions-row" style={{ gap: ".5rem", marginTop: ".35rem" }}>
        <StatusBadge steps={entry.steps} />
      </div>
      <StepIndicator steps={entry.steps} compact label={ts("stepsLabelOf", { title: entry.title })} />
      <dl className="concept-dashboard">
        <div>
          <dt>{t("progress")}</dt>
          <dd>{t("progressValue", { percent: entry.progress })}</dd>
        </div>
        <div>
          <dt>{t("openComments")}</dt>
          <dd>
            {/* Plain text, not a link: every link here is one more Tab stop per concept before the form. */}
            {entry.openThreads ? t("openCommentsValue", { count: entry.openThreads }) : t("noOpenComments")}
          </dd>
        </div>
        <div>
          <dt>{t("nextRound")}</dt>
          <dd>
            {entry.rounds && due ? (
              <>
                {due < today ? t("roundOverdue", { date: formatDate(due) }) : t("roundDue", { date: formatDate(due) })}
                <br />
                <span className="meta">{t("openRounds", { count: entry.rounds.open })}</span>
              </>
            ) : (
              t("noRound")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("lastChange")}</dt>
          <dd>
            {entry.lastChange.actorName
              ? t("lastChangeBy", { date: formatDateTime(entry.lastChange.at), name: entry.lastChange.actorName })
              : formatDateTime(entry.lastChange.at)}
          </dd>
        </div>
        <div>
          <dt>{t("recentEditors")}</dt>
          <dd>
            {entry.editors.length
              ? entry.editors.map((e, i) => (
                  <span key={i}>
                    {i ? ", " : ""}
                    <bdi>{e.name}</bdi>
                    {place(e) ? (
                      <>
                        {" "}
                        (<bdi>{place(e)}</bdi>)
                      </>
                    ) : null}
                  </span>
                ))
              : t("nobodyEditing")}
          </dd>
        </div>
        <div>
          <dt>{t("assignments")}</dt>
          <dd data-testid="dashboard-assignments">
            {entry.assignments.length
              ? entry.assignments.map((a, i) => (
                  <span key={i}>
                    {i ? <br /> : null}
                    <bdi>{a.name}</bdi>: <bdi>{a.fieldTitle ? tt.fieldTitle({ key: a.fieldKey ?? "", title: a.fieldTitle, custom: a.fieldCustom }) : (chapterTitle(a.chapter) ?? a.chapter)}</bdi>{" "}
                    {a.dueDate < today ? t("assignmentOverdue", { date: formatDate(a.dueDate) }) : t("assignmentDue", { date: formatDate(a.dueDate) })}
                  </span>
                ))
              : t("noAssignments")}
          </dd>
        </div>
      </dl>
      {children}
    </li>
  );
}
