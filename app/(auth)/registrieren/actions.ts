"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formObject } from "@/lib/actions";
import { keptValues, type FormState } from "@/lib/members/form-errors";
import { publicAction } from "@/lib/members/public-action";
import { registerMunicipality } from "@/lib/members/service";
import { registrationFormSchema } from "@/lib/members/validation";

/**
 * The caller's address as the rate-limit key. Behind a proxy it is the first
 * X-Forwarded-For entry; a client can forge that header, which is why the
 * service also limits registrations in total.
 */
async function callerKey(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip")?.trim() || "unknown";
}

export async function registerMunicipalityAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const input = formObject(form);
  const result = await publicAction(registrationFormSchema, input, async (data) => {
    await registerMunicipality(data, { rateLimitKey: await callerKey() });
  });
  if (result.ok) redirect("/login?registriert=1");
  return { ...result, values: keptValues(input) };
}
