"use server";
import { revalidatePath } from "next/cache";
import { formObject, guardedAction } from "@/lib/actions";
import type { FormState } from "@/lib/members/form-errors";
import { retryFailedMail } from "@/lib/mail/admin";
import { allowSsoDomain, changePasswordSignIn, disallowSsoDomain, removeGroupRole, setGroupRole } from "@/lib/sso/settings";
import { z } from "@/lib/validation";

const uuid = z.string().uuid();

export async function passwordSignInAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const schema = z.object({ municipalityId: uuid, on: z.enum(["1", "0"]) });
  const result = await guardedAction(schema, formObject(form), (actor, data) => changePasswordSignIn(actor, { municipalityId: data.municipalityId, on: data.on === "1" }));
  if (result.ok) revalidatePath("/mitglieder");
  return result;
}

export async function ssoDomainAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const schema = z.object({ municipalityId: uuid, domain: z.string().max(253), remove: z.string().optional() });
  const result = await guardedAction(schema, formObject(form), (actor, data) =>
    data.remove ? disallowSsoDomain(actor, data) : allowSsoDomain(actor, data),
  );
  if (result.ok) revalidatePath("/mitglieder");
  return result;
}

export async function groupRoleAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const schema = z.object({ municipalityId: uuid, group: z.string().max(1000), role: z.string().max(20).optional(), remove: z.string().optional() });
  const result = await guardedAction(schema, formObject(form), (actor, data) =>
    data.remove ? removeGroupRole(actor, data) : setGroupRole(actor, { ...data, role: data.role ?? "" }),
  );
  if (result.ok) revalidatePath("/mitglieder");
  return result;
}

export async function retryMailAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const schema = z.object({ municipalityId: uuid, mailId: uuid });
  const result = await guardedAction(schema, formObject(form), (actor, data) => retryFailedMail(actor, data));
  if (result.ok) revalidatePath("/mitglieder");
  return result;
}
