/** The passwordless sign-in email. Pure: no I/O. */
export function signInCodeEmail(f: { code: string; name: string | null; ttlMinutes: number }) {
  const subject = `Your Replen sign-in code: ${f.code}`;
  const text = [
    `Hi ${f.name ?? "there"},`,
    "",
    `Your sign-in code is ${f.code}. It works once, for ${f.ttlMinutes} minutes.`,
    "",
    "If you did not ask for it, ignore this email: nobody can sign in without the code.",
  ].join("\n");
  return { subject, text };
}
