import type { InngestFunction } from "inngest";

/** Every function the app serves. One function per file under ./functions. */
export const functions: InngestFunction.Any[] = [];
