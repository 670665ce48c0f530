"use client";
import { useTranslations } from "next-intl";
import { markNotificationsReadAction } from "@/app/(app)/concepts/[conceptId]/pruefung/actions";
import { StatusLine, useReviewAction } from "./use-review-action";

export function MarkReadButton({ municipalityId }: { municipalityId: string }) {
  const t = useTranslations("inbox");
  const { message, pending, run } = useReviewAction();
  return (
    <div>
      <button type="button" className="button-secondary" disabled={pending} onClick={() => run(() => markNotificationsReadAction({ municipalityId }), t("markedRead"))}>
        {t("markRead")}
      </button>
      <StatusLine message={message} />
    </div>
  );
}
