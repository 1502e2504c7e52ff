import fs from "node:fs";
import path from "node:path";
import type { ReceivedMail } from "./mail-sink";

/** The dev mailbox: each message the local SMTP sink receives becomes an .eml file in `mailDir`. */
export function saveToMailbox(mailDir: string, opts: { quiet?: boolean } = {}) {
  fs.mkdirSync(mailDir, { recursive: true });
  let n = 0;
  return (m: ReceivedMail) => {
    // A counter keeps names unique when several messages arrive within one millisecond.
    const file = path.join(mailDir, `${Date.now()}-${String(n++).padStart(4, "0")}-${m.to[0] ?? "unknown"}.eml`);
    fs.writeFileSync(file, m.raw);
    if (!opts.quiet) console.log(`[mail] to ${m.to.join(", ")}: ${m.subject} (${file})`);
  };
}
