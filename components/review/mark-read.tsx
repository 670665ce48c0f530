"use client";
import { useTranslations } from "next-intl";
import { markNotificationsReadAction } from "@/app/(app)/concepts/[conceptId]/pruefung/actions";
import { Notice } from "@/components/ui/notice";
import { useNoticeAction } from "@/components/ui/use-notice-action";

export function MarkReadButton({ municipalityId }: { municipalityId: string }) {
  const t = useTranslations("inbox");
  const { message, pending, run } = useNoticeAction();
  return (
    <div>
      <button type="button" className="button-secondary" disabled={pending} onClick={() => run(() => markNotificationsReadAction({ municipalityId }), t("markedRead"))}>
        {t("markRead")}
      </button>
      <Notice message={message} />
    </div>
  );
}
