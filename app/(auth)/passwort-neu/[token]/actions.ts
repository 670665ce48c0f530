"use server";
import { redirect } from "next/navigation";
import { formObject } from "@/lib/actions";
import { resetPassword } from "@/lib/auth/password-reset";
import { fieldError, type FormState } from "@/lib/members/form-errors";
import { publicAction } from "@/lib/members/public-action";
import { z } from "@/lib/validation";

const schema = z.object({ token: z.string().max(100), password: z.string().max(200), passwordRepeat: z.string().max(200) });

export async function resetPasswordAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const result = await publicAction(schema, formObject(form), async (data) => {
    if (data.password !== data.passwordRepeat) {
      throw fieldError("passwordRepeat", "Die beiden Passwörter stimmen nicht überein.");
    }
    await resetPassword({ token: data.token, password: data.password });
  });
  if (result.ok) redirect("/login?passwort=1");
  return result;
}
