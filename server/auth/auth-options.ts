import "server-only";
import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { customers, users } from "@/db/schema";
import { env } from "../env";
import { verifyPassword } from "./password";
import type { Role } from "./roles";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

/** Looks a user up by email and checks the password; null on any mismatch (no user enumeration). */
export async function authenticate(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const db = getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, hash: users.passwordHash, customerId: customers.id })
    .from(users)
    .leftJoin(customers, eq(customers.userId, users.id))
    .where(eq(users.email, parsed.data.email.toLowerCase()));
  if (!row?.hash || !(await verifyPassword(parsed.data.password, row.hash))) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, customerId: row.customerId };
}

/**
 * Email + password with JWT sessions. The token carries the role and customer id so that
 * the proxy can redirect without a database call; every action still re-checks permissions.
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
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; customerId: string | null };
        token.sub = u.id;
        token.role = u.role;
        token.customerId = u.customerId;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub, role: token.role, customerId: token.customerId ?? null },
      };
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    customerId?: string | null;
  }
}
