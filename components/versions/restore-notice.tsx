"use client";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Notice, type NoticeMessage } from "@/components/ui/notice";

type RestoreNotice = { message: NoticeMessage; focus: boolean };
const Context = createContext<(n: RestoreNotice) => void>(() => {});

/** A restore button reports to the history around it. */
export const useRestoreNotice = () => useContext(Context);

/**
 * The version history with one notice above its table: a restore's result is
 * a banner the person sees and can act on, not a line squeezed into a table
 * cell. The confirmation that was pressed is gone after a restore, so the
 * banner takes the focus.
 */
export function RestoreHistory({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<RestoreNotice>({ message: null, focus: false });
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice.focus && notice.message) banner.current?.focus();
  }, [notice]);
  return (
    <Context.Provider value={setNotice}>
      <div ref={banner} tabIndex={-1} className="restore-notice">
        <Notice id="restore-status" testId="restore-notice" message={notice.message} />
      </div>
      {children}
    </Context.Provider>
  );
}
