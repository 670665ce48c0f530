"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formObject } from "@/lib/actions";
import { clientIp } from "@/lib/http/origin";
import { keptValues, type FormState } from "@/lib/members/form-errors";
import { publicAction } from "@/lib/members/public-action";
import { registerMunicipality } from "@/lib/members/service";
import { registrationFormSchema } from "@/lib/members/validation";

export async function registerMunicipalityAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const input = formObject(form);
  const result = await publicAction(registrationFormSchema, input, async (data) => {
    await registerMunicipality(data, { rateLimitKey: clientIp(await headers()) });
  });
  if (result.ok) redirect("/login?registriert=1");
  return { ...result, values: keptValues(input) };
}
