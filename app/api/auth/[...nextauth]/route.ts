import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";
import { isCredentialsSignIn, limitSignIn } from "@/server/auth/sign-in-limits";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth, with brute-force limits on the credentials sign-in (docs/security.md). */
async function POST(req: Request, context: Context): Promise<Response> {
  if (!isCredentialsSignIn(req)) return handler(req, context);
  return limitSignIn(req, () => handler(req, context));
}

export { handler as GET, POST };
