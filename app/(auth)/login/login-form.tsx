"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { login, type LoginState } from "./actions";
import { Notice } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  const t = useTranslations("login");
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">
          {t("email")}
          <RequiredMark />
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="password">
          {t("password")}
          <RequiredMark />
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
      <Notice message={state.error && !pending ? { kind: "error", text: state.error } : null} />
    </form>
  );
}
