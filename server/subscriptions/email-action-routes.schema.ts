/** Contract of the one-click email links' confirmation button (app/api/email-actions): a plain form post, no session. */
import { z } from "zod";
import { defineRoute } from "../http/route-contract";

export const emailActionRoutes = {
  perform: defineRoute({
    method: "POST",
    path: "/api/email-actions",
    summary: "Carry out a reminder email's action (skip, delay a week, order now); the signed token is the authority",
    description:
      "The confirmation page's button posts the token as a form, so it works without JavaScript, and is answered with a redirect " +
      "back to the page (POST-redirect-GET: a reload never repeats the action). Expired, used or changed links redirect too; the " +
      "page says why.",
    tag: "Email actions",
    auth: "public",
    body: z.object({ token: z.string({ error: "is missing" }).min(1, "is missing").max(200, "is too long") }),
    bodyMediaTypes: ["application/x-www-form-urlencoded"],
    status: 303,
    redirects: {
      303: "Back to /email-actions/{token}: `?done=1` when carried out, `?refused=<reason>&seal=<hmac>` when refused, no query otherwise",
    },
    errors: [422],
  }),
};
