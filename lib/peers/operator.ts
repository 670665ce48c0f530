import "server-only";

/**
 * The operator of the installation (not a role of a municipality): may publish
 * a peer snapshot by hand. Named by e-mail in KONZEPTWERK_OPERATORS
 * (comma-separated); nobody is operator when it is unset.
 */
export function operatorEmails(): string[] {
  return (process.env.KONZEPTWERK_OPERATORS ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
}

export function isOperator(user: { email: string }): boolean {
  return operatorEmails().includes(user.email.trim().toLowerCase());
}
