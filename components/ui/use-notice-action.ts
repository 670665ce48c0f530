"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions";
import { noticeFor, type NoticeMessage } from "./notice";

/**
 * Run a server action and keep its result for a `Notice`: the previous
 * message goes away as soon as the new action starts (never an old success
 * beside a new error), the page refreshes on success.
 */
export function useNoticeAction() {
  const [message, setMessage] = useState<NoticeMessage>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const run = <T,>(call: () => Promise<ActionResult<T>>, ok: string | ((data: T) => string), then?: (data: T) => void) => {
    setMessage(null);
    start(async () => {
      const result = await call();
      setMessage(noticeFor(result, result.ok ? (typeof ok === "function" ? ok(result.data) : ok) : ""));
      if (result.ok) {
        then?.(result.data);
        router.refresh();
      }
    });
  };
  return { message, setMessage, pending, run };
}
