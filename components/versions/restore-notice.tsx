"use client";
import { createContext, useContext, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { restoreVersionAction } from "@/app/(app)/concepts/[conceptId]/versionen/actions";
import { Notice, type NoticeMessage } from "@/components/ui/notice";

/** What a restore reports: its message and, after a restore, the version that holds the draft from before it. */
export type RestoreReport = { message: NoticeMessage; focus: boolean; undo?: { restored: number; backup: number } };
const Context = createContext<(n: RestoreReport) => void>(() => {});

/** A restore button reports to the history around it. */
export const useRestoreNotice = () => useContext(Context);

/**
 * The version history with one notice above its table: a restore's result is
 * a banner the person sees and can act on, not a line squeezed into a table
 * cell. The confirmation that was pressed is gone after a restore, so the
 * banner takes the focus. After a restore the banner offers "Rückgängig":
 * the restore kept the draft as a version of its own, and undoing is restoring
 * that version with the same action and the same checks (role, municipality,
 * adopted concepts stay read-only); the state undone is kept as a version too.
 */
export function RestoreHistory({ conceptId, children }: { conceptId: string; children: ReactNode }) {
  const t = useTranslations("versions");
  const [report, setReport] = useState<RestoreReport>({ message: null, focus: false });
  const [pending, start] = useTransition();
  const router = useRouter();
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report.focus && report.message) banner.current?.focus();
  }, [report]);
  const undo = report.undo;
  const runUndo = (u: { restored: number; backup: number }) =>
    start(async () => {
      const result = await restoreVersionAction({ conceptId, number: u.backup });
      if (result.ok) {
        setReport({ message: { kind: "ok", text: t("undone", { number: u.restored, backup: u.backup, kept: result.data.backup }) }, focus: true });
        router.refresh();
      } else setReport({ message: { kind: "error", text: result.error }, focus: true, undo: u });
    });
  return (
    <Context.Provider value={setReport}>
      <div ref={banner} tabIndex={-1} className="restore-notice">
        <Notice id="restore-status" testId="restore-notice" message={report.message}>
          {undo ? (
            <button type="button" className="button-secondary" disabled={pending} onClick={() => runUndo(undo)}>
              {pending ? t("undoing") : t("undo")}
              <span className="visually-hidden"> {t("undoHidden", { number: undo.restored })}</span>
            </button>
          ) : null}
        </Notice>
      </div>
      {children}
    </Context.Provider>
  );
}
