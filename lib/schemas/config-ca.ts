// The built-in certificate authority's section of the configuration.
import { z } from "zod";

import { flag, wholeNumber } from "./config-scalars";
import {
  evenIfFieldsAreInvalid,
  resolvedValueSchema,
  certificateCheck,
  privateKeyCheck,
  type ContentCheck,
  type ValueResolver,
} from "./config-values";

export const KEY_ENCRYPTION_KEY_MIN_LENGTH = 32;
export const DEFAULT_RESERVED_NAMES = ["kafka-broker", "kafka-console"];

const keyEncryptionKeyCheck: ContentCheck = (text) =>
  text.length >= KEY_ENCRYPTION_KEY_MIN_LENGTH
    ? undefined
    : `is shorter than ${KEY_ENCRYPTION_KEY_MIN_LENGTH} characters (generate one with: openssl rand -base64 48)`;

const publicUrlCheck = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.search === "" && url.hash === "";
  } catch {
    return false;
  }
};

/** The CA's name policy for SANs; the secure default refuses wildcards and IP addresses. */
export interface SubjectAltNameSettings {
  /** "*.apps.example.com" DNS SANs; a wildcard over a single label ("*.com") is refused regardless. */
  allowWildcards: boolean;
  /** IP address SANs. */
  allowIpAddresses: boolean;
  /** When not empty, every DNS SAN must be one of these domains or under one; empty: any name. */
  allowedDomains: string[];
}

// "example.com" or ".example.com" (the dot is dropped): a domain to allow, never a pattern.
const allowedDomainSchema = z
  .string()
  .trim()
  .transform((domain) => domain.replace(/^\./, "").replace(/\.$/, "").toLowerCase())
  .refine(
    (domain) =>
      /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(domain),
    {
      message: "must be a domain such as example.com, without '*'",
    },
  );

const subjectAltNameSettingsSchema = z.strictObject({
  allowWildcards: flag.default(false),
  allowIpAddresses: flag.default(false),
  allowedDomains: z.array(allowedDomainSchema).default([]),
});

/** The built-in certificate authority. PEM and secrets resolved to their contents. */
export interface CaSettings {
  /** An existing CA to take over on first start (when the store has none yet); ignored afterwards. */
  import: { rootCertificate: string; intermediateCertificate: string; intermediateKey: string } | undefined;
  /** Encrypts the CA's private keys in the store; else generated into <dataDir>/ca-key-encryption-key. */
  keyEncryptionKey: string | undefined;
  defaultValidityDays: number;
  maxValidityDays: number;
  /** Common names only admins may have certificates for (super users of the brokers). */
  reservedNames: string[];
  /** What SANs the CA puts in any certificate, whoever asks (like Vault PKI's allowed_domains). */
  subjectAltNames: SubjectAltNameSettings;
  /** The console's external base URL, without a trailing slash: the CRL distribution point starts with it. */
  publicUrl: string;
}

export function caSettingsSchema(resolve: ValueResolver) {
  return z
    .strictObject({
      import: z
        .strictObject({
          rootCertificate: resolvedValueSchema(resolve, certificateCheck),
          intermediateCertificate: resolvedValueSchema(resolve, certificateCheck),
          intermediateKey: resolvedValueSchema(resolve, privateKeyCheck),
        })
        .optional(),
      keyEncryptionKey: resolvedValueSchema(resolve, keyEncryptionKeyCheck).optional(),
      /** Absent: 90, or maxValidityDays when that is lower. */
      defaultValidityDays: wholeNumber(1, 3650).optional(),
      maxValidityDays: wholeNumber(1, 3650).default(397),
      reservedNames: z.array(z.string().min(1)).default(DEFAULT_RESERVED_NAMES),
      subjectAltNames: subjectAltNameSettingsSchema.prefault({}),
      publicUrl: z
        .string()
        .refine(
          publicUrlCheck,
          "must be an http(s) URL without query or fragment, e.g. https://console.example.com",
        )
        .transform((url) => url.replace(/\/+$/, ""))
        .default("http://127.0.0.1:3000"),
    })
    .superRefine((ca, ctx) => {
      // Also runs when another field is invalid. Only a default set by hand can exceed the maximum.
      const maximum = typeof ca.maxValidityDays === "number" ? ca.maxValidityDays : 397;
      if (typeof ca.defaultValidityDays === "number" && ca.defaultValidityDays > maximum)
        ctx.addIssue({
          code: "custom",
          path: ["defaultValidityDays"],
          message: `must not exceed maxValidityDays (${maximum})`,
        });
    }, evenIfFieldsAreInvalid)
    .transform((ca): CaSettings => ({
      ...ca,
      import: ca.import,
      keyEncryptionKey: ca.keyEncryptionKey,
      defaultValidityDays: ca.defaultValidityDays ?? Math.min(90, ca.maxValidityDays),
    }));
}
