import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { inngest } from "@/inngest/client";
import type { RuntimeEvent } from "@/server/workflows/runtime/runtime-steps";

/**
 * A real HTTP endpoint that answers like Inngest's event API, with the app's Inngest client
 * pointed at it while the demo is seeded: every use-case announces its work exactly as in
 * production (`order/created` after commit, …) and the seed's runtime picks the events up
 * from here instead of an executor that is not running yet.
 */
export async function startEventInbox() {
  let inbox: RuntimeEvent[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const sent = JSON.parse(Buffer.concat(chunks).toString() || "[]") as RuntimeEvent | RuntimeEvent[];
      const list = Array.isArray(sent) ? sent : [sent];
      inbox.push(...list);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: list.map(() => randomUUID()), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  inngest.setEnvVars({ INNGEST_DEV: "1", INNGEST_BASE_URL: url });
  return {
    /** Takes every event received so far. */
    take(): RuntimeEvent[] {
      const out = inbox;
      inbox = [];
      return out;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
