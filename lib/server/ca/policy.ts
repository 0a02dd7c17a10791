import "server-only";

// What the CA issues, beyond the shape the schemas check: the configured maximum validity, the SANs
// once more with Node's own address parser and against the configured name policy, CNs that hide
// characters or imitate a reserved name, and what only admins may have: server certificates, names
// reserved for the brokers' super users, and the brokers' own host names.
import { isIP } from "node:net";

import { actionError, type ActionResult } from "@/lib/errors";
import {
  type SubjectAltName,
  isValidDnsName,
  isValidEmailAddress,
  isValidUri,
} from "@/lib/schemas/certificates";
import type { SubjectAltNameSettings } from "@/lib/schemas/config";

import { lookAlikeOf } from "./confusables";
import { hiddenCharacters } from "./name-characters";
import { BrokerNames, brokerSanProblems, sanPolicyProblems, type SanProblem } from "./san-policy";

export interface PolicySettings {
  maxValidityDays: number;
  /** ca.reservedNames plus the CNs of the console's own client certificates. */
  reservedNames: readonly string[];
  /** Every cluster's bootstrap hosts and the hosts its metadata names: admins only, as SANs or CN. */
  brokerHosts: readonly string[];
  subjectAltNames: SubjectAltNameSettings;
}

export interface PolicyRequest {
  commonName: string;
  subjectAltNames: readonly SubjectAltName[];
  validityDays: number;
  serverAuth: boolean;
}

type Role = "viewer" | "operator" | "admin";

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

function sanRefusal(status: 403 | 422, intro: string, problems: SanProblem[]): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {
    subjectAltNames: problems.map((problem) => problem.message),
  };
  for (const problem of problems) fieldErrors[`subjectAltNames.${problem.index}.value`] = [problem.field];
  return actionError(
    status,
    `${intro}: ${problems.map((problem) => problem.message).join("; ")}.`,
    fieldErrors,
  );
}

/**
 * What the CN may be, whoever asks, and what only admins may have; undefined when the role may.
 * Also answers the form's check as the CN is typed, before anything else is filled in.
 */
export function checkCommonName(
  commonName: string,
  role: Role,
  settings: Pick<PolicySettings, "reservedNames" | "brokerHosts">,
): ActionResult<never> | undefined {
  const hidden = hiddenCharacters(commonName);
  if (hidden.length > 0) {
    const list = hidden.map((character) => `${character.description}, ${character.why}`);
    return actionError(
      422,
      `The CN contains ${list.join("; and ")}. Such characters make one principal look like another in listings and logs; remove them.`,
      { commonName: hidden.map((character) => `Contains ${character.description}: ${character.why}`) },
    );
  }
  const lookAlike = lookAlikeOf(commonName, settings.reservedNames);
  if (lookAlike) {
    const which = lookAlike.characters.length > 0 ? ` (${lookAlike.characters.join(", ")})` : "";
    return actionError(
      403,
      `${commonName} looks like the reserved name ${lookAlike.reservedName}${which}: a certificate for it would pass for the super user's in ACL listings and logs, so it is never issued.`,
      { commonName: [`Looks like the reserved name ${lookAlike.reservedName}${which}`] },
    );
  }
  if (role === "admin") return undefined;
  if (isReservedName(commonName, settings.reservedNames))
    return actionError(
      403,
      `"${commonName}" is reserved for the brokers' and the console's super-user identities; only an admin may issue a certificate for it.`,
      { commonName: ["Reserved name: only admins may issue it"] },
    );
  const broker = new BrokerNames(settings.brokerHosts).match(commonName);
  if (broker !== undefined)
    return actionError(
      403,
      `"${commonName}" is a broker's host name, and clients that fall back to the CN would accept it as that broker; only an admin may issue a certificate for it.`,
      { commonName: ["A broker's host name: only admins may issue it"] },
    );
  return undefined;
}

/**
 * Undefined when the request may be issued by someone with this role; the refusal otherwise.
 * Order: what is invalid for anyone (422) before what this role may not have (403).
 */
export function checkIssuancePolicy(
  request: PolicyRequest,
  role: Role,
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
  const outsidePolicy = sanPolicyProblems(request.subjectAltNames, settings.subjectAltNames);
  if (outsidePolicy.length > 0)
    return sanRefusal(422, "Subject alternative names outside this CA's policy", outsidePolicy);
  const commonNameRefusal = checkCommonName(request.commonName, role, settings);
  if (commonNameRefusal) return commonNameRefusal;
  if (role === "admin") return undefined;
  if (request.serverAuth)
    return actionError(
      403,
      "A server certificate (serverAuth) lets its holder act as a broker to every client that trusts this CA; only an admin may issue one.",
      { serverAuth: ["Server certificates are for brokers: only admins may issue them"] },
    );
  const brokerSans = brokerSanProblems(request.subjectAltNames, new BrokerNames(settings.brokerHosts));
  if (brokerSans.length > 0)
    return sanRefusal(403, "Only an admin may issue a certificate that names a broker", brokerSans);
  return undefined;
}
