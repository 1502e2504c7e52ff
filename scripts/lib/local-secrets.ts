import { randomBytes } from "node:crypto";
import { SECRET_VARIABLES } from "../../server/env";

/**
 * Fresh random values for every secret, for production builds run on this machine (e2e, the
 * pipeline benchmark): a production server refuses the public development defaults.
 */
export function localSecrets(): Record<(typeof SECRET_VARIABLES)[number], string> {
  // The credentials key is a 32-byte AES key (base64); the others are free-form strings.
  const value = (name: string) => (name === "CHANNEL_CREDENTIALS_KEY" ? randomBytes(32).toString("base64") : randomBytes(24).toString("hex"));
  return Object.fromEntries(SECRET_VARIABLES.map((name) => [name, value(name)])) as Record<(typeof SECRET_VARIABLES)[number], string>;
}
