/** Contract of passwordless sign-in's first step (app/api/auth/sign-in-code); next-auth's own routes are not ours to describe. */
import { defineRoute } from "../http/route-contract";
import { signInCodeAcceptedSchema, signInCodeRequestSchema } from "./sign-in-code-request.schema";

export const signInRoutes = {
  requestCode: defineRoute({
    method: "POST",
    path: "/api/auth/sign-in-code",
    summary: "Email me a sign-in code: the same 202 whether or not the email has an account; limited per IP and per email",
    description:
      "JSON is answered 202 (or the JSON error). The sign-in page's plain form post (no JavaScript) is answered with a redirect " +
      "instead, an invalid email included. Cross-site posts are refused (403).",
    tag: "Sign-in",
    auth: "public",
    body: signInCodeRequestSchema,
    bodyMediaTypes: ["application/json", "application/x-www-form-urlencoded"],
    status: 202,
    response: signInCodeAcceptedSchema,
    redirects: {
      303: "A form post: to the code form, /signin?method=code&email=…&callbackUrl=…; an invalid email to /signin?method=code&error=InvalidEmail",
    },
    errors: [403, 422, 429],
  }),
};
