"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formObject, guardedAction } from "@/lib/actions";
import { absoluteUrl } from "@/lib/http/origin";
import { mailConfigured } from "@/lib/mail/config";
import { keptValues, type FormState } from "@/lib/members/form-errors";
import { changeRole, inviteMember, removeMember, revokeInvitation } from "@/lib/members/service";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/members/validation";

/** `url` is null when the invitation went out by mail (the link then reaches only the invited person). */
export type InviteResult = { url: string | null; email: string };

export async function inviteMemberAction(_prev: FormState<InviteResult>, form: FormData): Promise<FormState<InviteResult>> {
  const input = formObject(form);
  const t = await getTranslations("members");
  const result = await guardedAction(
    inviteSchema,
    input,
    // The link names APP_URL (or the trusted proxy's host, or our own address), never the Host of this request.
    async (actor, data) => {
      const path = await inviteMember(actor, data, { locale: await getLocale() });
      return { url: mailConfigured() ? null : absoluteUrl(path, await headers()), email: data.email };
    },
    mailConfigured() ? t("invitationMailed") : t("invitationCreated"),
  );
  if (!result.ok) return { ...result, values: keptValues(input) };
  revalidatePath("/mitglieder");
  return result;
}

export async function changeRoleAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const t = await getTranslations("members");
  const result = await guardedAction(changeRoleSchema, formObject(form), (actor, data) => changeRole(actor, data), t("roleChanged"));
  if (result.ok) revalidatePath("/mitglieder");
  return result;
}

export async function removeMemberAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const result = await guardedAction(removeMemberSchema, formObject(form), (actor, data) => removeMember(actor, data));
  // Whoever left the municipality themselves has nothing more to manage here.
  if (result.ok && result.data.removedSelf) redirect("/concepts");
  if (!result.ok) return result;
  revalidatePath("/mitglieder");
  const t = await getTranslations("members");
  return { ok: true, data: undefined, message: t("memberRemoved") };
}

export async function revokeInvitationAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const t = await getTranslations("members");
  const result = await guardedAction(
    revokeInvitationSchema,
    formObject(form),
    (actor, data) => revokeInvitation(actor, data),
    t("invitationRevoked"),
  );
  if (result.ok) revalidatePath("/mitglieder");
  return result;
}
