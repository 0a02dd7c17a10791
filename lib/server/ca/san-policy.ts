import "server-only";

// Which SANs the CA puts in a certificate. Two layers: the configured name policy
// (ca.subjectAltNames, like Vault PKI's allowed_domains or step-ca's name policy) binds everyone;
// the brokers' own names are reserved for admins, because a certificate naming a broker's host
// can impersonate that broker to every client that trusts this CA.
import { BlockList, isIP } from "node:net";

import type { SubjectAltName } from "@/lib/schemas/certificates";
import type { SubjectAltNameSettings } from "@/lib/schemas/config";

export interface SanProblem {
  /** Position in the request's SAN list: the form shows the message on that row. */
  index: number;
  /** The full sentence, naming the SAN as written. */
  message: string;
  /** Short, for the field. */
  field: string;
}

const hostName = (value: string) => value.toLowerCase().replace(/\.$/, "");
const isLoopbackName = (name: string) => name === "localhost" || name.endsWith(".localhost");

/** Labels after "*.": "*.com" has one, and so covers a whole top-level domain. */
const wildcardBase = (name: string) => (name.startsWith("*.") ? name.slice(2) : undefined);

const withinDomain = (name: string, domain: string) => name === domain || name.endsWith(`.${domain}`);

/** The configured policy: refusals here bind admins as much as operators. */
export function sanPolicyProblems(
  subjectAltNames: readonly SubjectAltName[],
  settings: SubjectAltNameSettings,
): SanProblem[] {
  return subjectAltNames.flatMap(({ type, value }, index): SanProblem[] => {
    const label = `${type.toUpperCase()} "${value}"`;
    if (type === "ip" && !settings.allowIpAddresses)
      return [
        {
          index,
          message: `${label}: this CA issues no IP address SANs (an admin can allow them with ca.subjectAltNames.allowIpAddresses: true)`,
          field: "IP address SANs are not allowed by this CA's policy",
        },
      ];
    if (type !== "dns") return [];
    const name = hostName(value);
    const base = wildcardBase(name);
    if (base !== undefined && !base.includes("."))
      return [
        {
          index,
          message: `${label} would cover every name under "${base}"; a wildcard needs at least two labels after "*." (such as *.apps.example.com)`,
          field: "A wildcard over a top-level domain is never issued",
        },
      ];
    if (base !== undefined && !settings.allowWildcards)
      return [
        {
          index,
          message: `${label}: this CA issues no wildcard names (an admin can allow them with ca.subjectAltNames.allowWildcards: true)`,
          field: "Wildcard names are not allowed by this CA's policy",
        },
      ];
    const domains = settings.allowedDomains;
    if (domains.length > 0 && !domains.some((domain) => withinDomain(base ?? name, domain)))
      return [
        {
          index,
          message: `${label} is outside the allowed domains ${domains.join(", ")} (ca.subjectAltNames.allowedDomains)`,
          field: `Not within ${domains.join(", ")}`,
        },
      ];
    return [];
  });
}

/** The brokers' names, loopback included: the names a broker's own certificate carries. */
export class BrokerNames {
  private readonly names = new Set<string>();
  private readonly addresses = new BlockList();

  constructor(brokerHosts: readonly string[]) {
    this.addresses.addSubnet("127.0.0.0", 8, "ipv4");
    this.addresses.addAddress("::1", "ipv6");
    for (const host of brokerHosts) {
      const family = isIP(host);
      if (family === 0) this.names.add(hostName(host));
      else this.addresses.addAddress(host, family === 4 ? "ipv4" : "ipv6");
    }
  }

  /** The broker name this host name or address is, or (for a wildcard) covers. */
  match(value: string): string | undefined {
    const family = isIP(value);
    if (family !== 0) return this.addresses.check(value, family === 4 ? "ipv4" : "ipv6") ? value : undefined;
    const name = hostName(value);
    if (isLoopbackName(name) || this.names.has(name)) return name;
    const base = wildcardBase(name);
    if (base === undefined) return undefined;
    if (isLoopbackName(`x.${base}`)) return `x.${base}`;
    return [...this.names].find(
      (broker) => broker.endsWith(`.${base}`) && !broker.slice(0, -base.length - 1).includes("."),
    );
  }
}

/** SANs that name a broker: only an admin may issue those. */
export function brokerSanProblems(
  subjectAltNames: readonly SubjectAltName[],
  brokers: BrokerNames,
): SanProblem[] {
  return subjectAltNames.flatMap(({ type, value }, index): SanProblem[] => {
    if (type !== "dns" && type !== "ip") return [];
    const broker = brokers.match(value);
    if (broker === undefined) return [];
    const label = `${type.toUpperCase()} "${value}"`;
    const what = hostName(value) === broker || value === broker ? "is" : `covers ${broker}, which is`;
    return [
      {
        index,
        message: `${label} ${what} a broker's address (a configured cluster's bootstrap or metadata host, or loopback)`,
        field: "Names a broker: only admins may issue it",
      },
    ];
  });
}
