import { afterEach, describe, expect, it } from "vitest";
import { OPERATOR_UNCONFIRMABLE, OPERATOR_UNCONFIRMED, operatorUnconfirmedMessage } from "./operator";

const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

describe("the message to an operator whose address is not confirmed", () => {
  it("names the way to confirm it, and says so when the installation has none yet", () => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    // No OIDC_* variables in the tests: no sign-on either. "Passwort vergessen" could send no link.
    expect(operatorUnconfirmedMessage()).toBe(OPERATOR_UNCONFIRMABLE);
    Object.assign(process.env, { SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "Konzeptwerk <kw@example.org>" });
    expect(operatorUnconfirmedMessage()).toBe(OPERATOR_UNCONFIRMED);
  });
});
