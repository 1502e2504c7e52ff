import { Inngest } from "inngest";

/**
 * The app's Inngest client. In dev and CI, INNGEST_DEV=1 and INNGEST_BASE_URL point it at
 * the local executor (tools/inngest-local); in production it talks to Inngest Cloud (or a
 * self-hosted `inngest start`) with INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY.
 */
export const inngest = new Inngest({ id: "replen" });
