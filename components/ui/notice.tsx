import type { ReactNode } from "react";

/** What an action reports to the person who started it. */
export type NoticeMessage = { kind: "ok" | "error"; text: string } | null;

/** The message for an action's result: the first field error if there is one (it names the field), else the error. */
export function noticeFor(result: { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> }, okText: string): NoticeMessage {
  if (result.ok) return { kind: "ok", text: okText };
  return { kind: "error", text: Object.values(result.fieldErrors ?? {})[0] ?? result.error };
}

/**
 * A form's state (useActionState) as a notice: nothing while the next
 * submission runs, so an old message never stands beside a new one; a success
 * without a message of its own says `okText` (or nothing).
 */
export function stateNotice(
  state: { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> } | null | undefined,
  pending = false,
  okText?: string,
): NoticeMessage {
  if (!state || pending) return null;
  if (!state.ok) return noticeFor(state, "");
  const text = state.message ?? okText;
  return text ? { kind: "ok", text } : null;
}

/**
 * The one way a form reports success or failure (GOV.UK notification banner,
 * KERN "Alert"): a banner placed right after the control the person used.
 * A success is a polite `role=status`, a failure an assertive `role=alert`;
 * both regions are always in the page, so that a screen reader hears the
 * message when it is written into them. The slot takes a line of its own
 * below the controls, so a message appearing never moves the button that was
 * pressed. `children` go inside the banner (e.g. "Rückgängig").
 * Clearing the message when a new action starts is the caller's job
 * (`useNoticeAction` does it).
 */
export function Notice({ id, message, children, testId, className }: { id?: string; message: NoticeMessage; children?: ReactNode; testId?: string; className?: string }) {
  return (
    <div className={className ? `notice-slot ${className}` : "notice-slot"} id={id} data-testid={testId}>
      <div role="status" aria-live="polite" aria-atomic="true">
        {message?.kind === "ok" ? (
          <div className="notice notice-ok notice-banner">
            <p>{message.text}</p>
            {children}
          </div>
        ) : null}
      </div>
      <div role="alert" aria-atomic="true">
        {message?.kind === "error" ? (
          <div className="notice notice-error notice-banner">
            <p>{message.text}</p>
            {children}
          </div>
        ) : null}
      </div>
    </div>
  );
}
