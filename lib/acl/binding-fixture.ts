import type { AclBinding } from "./types";

/** For tests: ALLOW User:app READ on the LITERAL topic "orders" from any host, with overrides. */
export const binding = (overrides: Partial<AclBinding> = {}): AclBinding => ({
  principal: "User:app",
  host: "*",
  resourceType: "TOPIC",
  resourceName: "orders",
  patternType: "LITERAL",
  operation: "READ",
  permission: "ALLOW",
  ...overrides,
});
