import "server-only";
import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { customers, users } from "@/db/schema";
import { env } from "../env";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { Role } from "@/db/vocabulary/roles";
import { safeCallbackUrl } from "./safe-callback-url";
import { revokeSessions } from "./session-user";
import { verifySignInCode } from "./sign-in-codes";

// A cap on the password keeps one request from buying an arbitrarily long scrypt input.
const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1).max(1000) });

/** Looks a user up by email and checks the password; null on any mismatch (no user enumeration). */
export async function authenticate(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const db = getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      hash: users.passwordHash,
      customerId: customers.id,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .leftJoin(customers, eq(customers.userId, users.id))
    .where(eq(users.email, parsed.data.email.toLowerCase()));
  // Always one scrypt verification, even for an unknown email: equal timing, no enumeration.
  const matches = await verifyPassword(parsed.data.password, row?.hash ?? (await dummyPasswordHash()));
  if (!row?.hash || !matches || row.disabledAt) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, customerId: row.customerId, sessionVersion: row.sessionVersion };
}

const codeSchema = z.object({ email: z.string().email().max(254), code: z.string().max(20) });

/** The emailed one-time code instead of the password; null on any mismatch. */
export async function authenticateWithCode(raw: unknown) {
  const parsed = codeSchema.safeParse(raw);
  if (!parsed.success) return null;
  return verifySignInCode(getDb(), parsed.data, new Date());
}

/**
 * Email + password (or an emailed one-time code) with JWT sessions. The token carries the role and customer id so that
 * the proxy can redirect without a database call; every action resolves the user from the
 * database (actor.ts) and checks the token's session version, which sign-out bumps.
 */
export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => authenticate(credentials),
    }),
    // Passwordless: the one-time code emailed by POST /api/auth/sign-in-code (sign-in-codes.ts).
    CredentialsProvider({
      id: "email-code",
      name: "Email code",
      credentials: { email: { label: "Email", type: "email" }, code: { label: "Code", type: "text" } },
      authorize: (credentials) => authenticateWithCode(credentials),
    }),
  ],
  callbacks: {
    // Same-origin only; a malformed callbackUrl goes home instead of failing the request.
    redirect: ({ url, baseUrl }) => safeCallbackUrl(url, baseUrl),
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; customerId: string | null; sessionVersion: number };
        token.sub = u.id;
        token.role = u.role;
        token.customerId = u.customerId;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub, role: token.role, customerId: token.customerId ?? null, sessionVersion: token.sv ?? 0 },
      };
    },
  },
  events: {
    // Signing out ends every session of the user, not only this browser's cookie.
    async signOut({ token }) {
      if (token?.sub) await revokeSessions(token.sub);
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    customerId?: string | null;
    /** users.session_version when the session was issued. */
    sv?: number;
  }
}
