"use server";
import { headers } from "next/headers";
import { formObject } from "@/lib/actions";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { clientIp } from "@/lib/http/origin";
import { keptValues, type FormState } from "@/lib/members/form-errors";
import { publicAction } from "@/lib/members/public-action";
import { z } from "@/lib/validation";

const schema = z.object({ email: z.string().max(254) });

/** The same answer for every well-formed address: whether it has an account is not told. */
export async function requestResetAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const input = formObject(form);
  const result = await publicAction(schema, input, async (data) => {
    await requestPasswordReset({ email: data.email, ip: clientIp(await headers()) });
  });
  return result.ok ? result : { ...result, values: keptValues(input) };
}
