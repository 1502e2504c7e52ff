import { randomBytes } from "node:crypto";
import { SECRET_VARIABLES } from "../../server/env";

/**
 * Fresh random values for every secret, for production builds run on this machine (e2e, the
 * pipeline benchmark): a production server refuses the public development defaults.
 */
export function localSecrets(): Record<(typeof SECRET_VARIABLES)[number], string> {
  return Object.fromEntries(SECRET_VARIABLES.map((name) => [name, randomBytes(24).toString("hex")])) as Record<
    (typeof SECRET_VARIABLES)[number],
    string
  >;
}
