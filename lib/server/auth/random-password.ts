import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the password is read off a screen or a log and typed in once.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const GROUPS = 4;
const GROUP_LENGTH = 6;

/** 24 random characters in dash-separated groups of six (about 140 bits), e.g. `Xk7dQp-2mWzRt-…`. */
export function randomPassword(): string {
  return Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  ).join("-");
}
