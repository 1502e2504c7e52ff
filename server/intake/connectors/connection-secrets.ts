import "server-only";
import { env } from "../../env";
import { credentialKeyFrom, openSecret, sealSecret } from "./credential-box";

/** The box functions bound to CHANNEL_CREDENTIALS_KEY. */
export const sealWithEnvKey = (plaintext: string) => sealSecret(plaintext, credentialKeyFrom(env().CHANNEL_CREDENTIALS_KEY));
export const openWithEnvKey = (box: string) => openSecret(box, credentialKeyFrom(env().CHANNEL_CREDENTIALS_KEY));
