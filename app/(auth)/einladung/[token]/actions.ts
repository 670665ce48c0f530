"use server";
import { redirect } from "next/navigation";
import { formObject } from "@/lib/actions";
import { keptValues, type FormState } from "@/lib/members/form-errors";
import { publicAction } from "@/lib/members/public-action";
import { acceptInvitation } from "@/lib/members/service";
import { acceptInvitationSchema } from "@/lib/members/validation";

/** No session here: the token in the form is the credential, checked (and rate-limited) by the service. */
export async function acceptInvitationAction(_prev: FormState<void>, form: FormData): Promise<FormState<void>> {
  const input = formObject(form);
  const result = await publicAction(acceptInvitationSchema, input, async (data) => {
    await acceptInvitation(data);
  });
  if (result.ok) redirect("/login?eingeladen=1");
  return { ...result, values: keptValues(input, ["token"]) };
}
