/**
 * `postinstall`: fixes known bugs in pinned dependencies, idempotently, failing loudly if the
 * code to patch is not found (a dependency upgrade must re-check the patch, not skip it).
 *
 * postgres@3.4.9 (porsager/postgres#1208, #1154; unmerged fixes #1168, #1209): a small write is
 * deferred with setImmediate; if the connection closes first, `nextWrite` dereferences a null
 * socket and throws from the immediate — an uncatchable exception that kills the app process
 * (seen here when PostgreSQL restarted mid-wave, server/workflows/__tests__/renewal-wave.int.test.ts).
 * Teardown also cleared the timer without resetting it, so the connection could never write
 * again. The patch settles the pending query with CONNECTION_CLOSED (so callers get a normal,
 * retryable error) and resets the write state on teardown.
 */
import fs from "node:fs";
import path from "node:path";

const MARK = "/* replen-patch: nextWrite-null-socket */";
const files = ["node_modules/postgres/src/connection.js", "node_modules/postgres/cjs/src/connection.js"];
const edits = [
  [
    "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  [
    "    clearImmediate(nextWriteTimer)\n    if (socket) {",
    "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {",
  ],
  [
    "    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
    "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)",
  ],
];

for (const rel of files) {
  const file = path.resolve(rel);
  if (!fs.existsSync(file)) continue; // not installed (e.g. a production install without it)
  let text = fs.readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  for (const [from, to] of edits) {
    if (!text.includes(from)) {
      console.error(`patch-dependencies: ${rel} does not contain the code to patch; re-check the postgres patch for this version`);
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  fs.writeFileSync(file, text);
  console.log(`patch-dependencies: patched ${rel} (postgres nextWrite on a closed socket)`);
}
