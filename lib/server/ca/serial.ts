import "server-only";

import { randomBytes } from "node:crypto";

/**
 * A random 128-bit serial as hex, high bit cleared so DER keeps it positive without a pad byte and
 * never zero. RFC 5280 allows up to 20 octets; CA/B asks for at least 64 bits of entropy.
 */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString("hex");
}
