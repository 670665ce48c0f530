"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { retryMailAction } from "@/app/(app)/mitglieder/sign-in-actions";
import type { FormState } from "@/lib/members/form-errors";
import { FormStatus } from "./form-field";
import { ScrollBox } from "@/components/ui/scroll-box";

type Problem = { id: string; kind: string; recipient: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: string; hasText: boolean };

/**
 * Mails that did not go out: retried ones with their next attempt, given-up ones with "Erneut senden" while they keep
 * their text (lib/mail/queue.ts, FAILED_MAIL_KEEP_DAYS).
 */
export function MailProblems({ municipalityId, problems, keepDays }: { municipalityId: string; problems: Problem[]; keepDays: number }) {
  const t = useTranslations("members");
  const [state, action, pending] = useActionState<FormState<void>, FormData>(retryMailAction, null);
  return (
    <>
      <p className="notice notice-error">{t("mailProblemsIntro", { days: keepDays })}</p>
      <FormStatus state={state} pending={pending} />
      <ScrollBox label={t("mailProblemsHeading")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("mailRecipient")}</th>
            <th scope="col">{t("mailStatus")}</th>
            <th scope="col">{t("mailError")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("mailActions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={p.id}>
              <td>{p.recipient}</td>
              <td>{p.status === "failed" ? t("mailFailed", { attempts: p.attempts }) : t("mailRetrying", { attempts: p.attempts, at: new Date(p.nextAttemptAt).toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" }) })}</td>
              <td>{p.lastError}</td>
              <td>
                {p.status === "failed" && !p.hasText ? (
                  t("mailTextGone", { days: keepDays })
                ) : p.status === "failed" ? (
                  <form action={action}>
                    <input type="hidden" name="municipalityId" value={municipalityId} />
                    <input type="hidden" name="mailId" value={p.id} />
                    <button className="button button-secondary" type="submit" disabled={pending}>
                      {t("mailRetry")}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollBox>
    </>
  );
}
