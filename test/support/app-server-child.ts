/**
 * The app's real route handlers in a process of their own, for the renewal-day tests that kill
 * it: /api/inngest (the app's serve(), every function) and /api/health, behind node:http.
 *   node --conditions=react-server --import tsx test/support/app-server-child.ts <port>
 * Env: DATABASE_URL, INNGEST_DEV=1, INNGEST_BASE_URL (the executor), plus any app settings.
 * Prints "ready" once listening.
 */
import http from "node:http";
import { nextListener } from "../../tools/inngest-local/harness";

const port = Number(process.argv[2]);
const { GET, POST, PUT } = await import("../../app/api/inngest/route");
const inngestRoute = nextListener({ GET, POST, PUT } as Parameters<typeof nextListener>[0]);
const health = await import("../../app/api/health/route");
const healthRoute = nextListener({ GET: () => health.GET() });
const server = http.createServer((req, res) => {
  if (req.url?.startsWith("/api/inngest")) return inngestRoute(req, res);
  if (req.url?.startsWith("/api/health")) return healthRoute(req, res);
  res.writeHead(404);
  res.end();
});
server.listen(port, "127.0.0.1", () => console.log("ready"));
