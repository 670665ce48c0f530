"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formObject, guardedAction } from "@/lib/actions";
import { keptValues, type FormState } from "@/lib/members/form-errors";
import { changeRole, inviteMember, removeMember, revokeInvitation } from "@/lib/members/service";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/members/validation";

export type InviteResult = { url: string; email: string };

/**
 * The full link for the admin to pass on. AUTH_URL, when set, is the public
 * address; otherwise the address the admin is using right now.
 */
async function absoluteUrl(path: string): Promise<string> {
  const configured = process.env.AUTH_URL;
  try {
    if (configured) return new URL(path, configured).toString();
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host");
    const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
    return host ? new URL(path, `${proto}://${host}`).toString() : path;
  } catch {
    return path;
  }
}

export async function inviteMemberAction(_prev: FormState<InviteResult>, form: FormData): Promise<FormState<InviteResult>> {
  const input = formObject(form);
  const t = await getTranslations("members");
  const result = await guardedAction(
    inviteSchema,
    input,
    async (actor, data) => ({ url: await absoluteUrl(await inviteMember(actor, data)), email: data.email }),
    t("invitationCreated"),
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
