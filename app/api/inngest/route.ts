import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";

export const dynamic = "force-dynamic";
// Long steps (a generation batch) must not be cut short by a default route timeout.
export const maxDuration = 300;

export const { GET, POST, PUT } = serve({ client: inngest, functions });
