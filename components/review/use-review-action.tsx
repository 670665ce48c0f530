"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions";

export type Message = { kind: "ok" | "error"; text: string } | null;

/** Run a review action, show its result in an aria-live status, refresh the page on success. */
export function useReviewAction() {
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const run = <T,>(call: () => Promise<ActionResult<T>>, ok: string, then?: (data: T) => void) =>
    start(async () => {
      const result = await call();
      if (result.ok) {
        setMessage({ kind: "ok", text: ok });
        then?.(result.data);
        router.refresh();
      } else setMessage({ kind: "error", text: Object.values(result.fieldErrors ?? {})[0] ?? result.error });
    });
  return { message, setMessage, pending, run };
}

export function StatusLine({ id, message }: { id?: string; message: Message }) {
  return (
    <p id={id} className={message?.kind === "error" ? "error" : "form-status"} role="status" aria-live="polite">
      {message?.text}
    </p>
  );
}
