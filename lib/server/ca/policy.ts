import "server-only";

// What the CA issues, beyond the shape the schemas check: the configured maximum validity, names
// reserved for the brokers' super users, and the SANs once more with Node's own address parser.
import { isIP } from "node:net";

import { actionError, type ActionResult } from "@/lib/errors";
import {
  type SubjectAltName,
  isValidDnsName,
  isValidEmailAddress,
  isValidUri,
} from "@/lib/schemas/certificates";

export interface PolicySettings {
  maxValidityDays: number;
  /** ca.reservedNames plus the CNs of the console's own client certificates. */
  reservedNames: readonly string[];
}

export interface PolicyRequest {
  commonName: string;
  subjectAltNames: readonly SubjectAltName[];
  validityDays: number;
}

const SAN_CHECKS: Record<SubjectAltName["type"], [(value: string) => boolean, string]> = {
  dns: [isValidDnsName, "is not a DNS name (a '*' is allowed only as the whole leftmost label)"],
  ip: [(value) => isIP(value) !== 0, "is not an IPv4 or IPv6 address"],
  email: [isValidEmailAddress, "is not an e-mail address"],
  uri: [isValidUri, "is not an absolute URI with a scheme"],
};

export function isReservedName(commonName: string, reservedNames: readonly string[]): boolean {
  const name = commonName.toLowerCase();
  return reservedNames.some((reserved) => reserved.toLowerCase() === name);
}

/** Undefined when the request may be issued by someone with this role; the refusal otherwise. */
export function checkIssuancePolicy(
  request: PolicyRequest,
  role: "viewer" | "operator" | "admin",
  settings: PolicySettings,
): ActionResult<never> | undefined {
  if (request.validityDays > settings.maxValidityDays)
    return actionError(
      422,
      `The validity of ${request.validityDays} days is over this CA's maximum of ${settings.maxValidityDays} days (ca.maxValidityDays).`,
      { validityDays: [`At most ${settings.maxValidityDays} days`] },
    );
  const badSans = request.subjectAltNames.flatMap(({ type, value }) => {
    const [valid, reason] = SAN_CHECKS[type];
    return valid(value) ? [] : [`${type.toUpperCase()} "${value}" ${reason}`];
  });
  if (badSans.length > 0)
    return actionError(422, `Invalid subject alternative names: ${badSans.join("; ")}.`, {
      subjectAltNames: badSans,
    });
  if (role !== "admin" && isReservedName(request.commonName, settings.reservedNames))
    return actionError(
      403,
      `"${request.commonName}" is reserved for the brokers' and the console's super-user identities; only an admin may issue a certificate for it.`,
      { commonName: ["Reserved name: only admins may issue it"] },
    );
  return undefined;
}
