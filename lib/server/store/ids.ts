import { randomInt } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const API_TOKEN_ID_LENGTH = 12;

/**
 * 12 base62 characters (71 random bits): short enough for a Basic auth user name, and free of
 * ':' and '_', which separate it from the secret in `id:secret` and `kc_<id>_<secret>`.
 */
export function newApiTokenId(): string {
  let id = "";
  for (let index = 0; index < API_TOKEN_ID_LENGTH; index += 1) id += BASE62[randomInt(BASE62.length)];
  return id;
}
