// TLS failures: which certificate was refused, by whom, and why.
import { UserError } from "@platformatic/kafka";
import { describe } from "vitest";

import {
  nodeError,
  connectFailed,
  tlsVerify,
  closedWithAlert,
  badCertificateAlert,
  unknownCaTitle,
  itTranslates,
  type Case,
} from "@/test/fixtures/kafka-library-errors";

const cases: Case[] = [
  [
    "broker certificate from another CA",
    tlsVerify("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "unable to get local issuer certificate"),
    { kind: "tls", code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", title: unknownCaTitle },
  ],
  [
    "broker certificate signed by an untrusted root",
    tlsVerify("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"),
    { kind: "tls", code: "SELF_SIGNED_CERT_IN_CHAIN", title: unknownCaTitle },
  ],
  [
    "self-signed broker certificate",
    tlsVerify("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"),
    { kind: "tls", code: "DEPTH_ZERO_SELF_SIGNED_CERT", title: unknownCaTitle },
  ],
  [
    "broker sends no intermediate",
    tlsVerify("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"),
    { kind: "tls", code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", title: unknownCaTitle },
  ],
  [
    "expired broker certificate",
    tlsVerify("CERT_HAS_EXPIRED", "certificate has expired"),
    {
      kind: "tls",
      code: "CERT_HAS_EXPIRED",
      title: "TLS handshake failed: the broker's certificate has expired",
    },
  ],
  [
    "broker certificate not valid yet",
    tlsVerify("CERT_NOT_YET_VALID", "certificate is not yet valid"),
    {
      kind: "tls",
      code: "CERT_NOT_YET_VALID",
      title: "TLS handshake failed: the broker's certificate is not valid yet",
    },
  ],
  [
    "host name mismatch",
    connectFailed(
      nodeError(
        "Hostname/IP does not match certificate's altnames: Host: kafka.example.com. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1",
        {
          code: "ERR_TLS_CERT_ALTNAME_INVALID",
          reason:
            "Host: kafka.example.com. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1",
          host: "kafka.example.com",
          cert: { subjectaltname: "DNS:localhost, IP Address:127.0.0.1" },
        },
      ),
    ),
    {
      kind: "tls",
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
      title: "TLS handshake failed: the broker's certificate does not match the host name kafka.example.com",
    },
  ],
  [
    "no client certificate configured (Java answers bad_certificate)",
    closedWithAlert(badCertificateAlert),
    {
      kind: "tls",
      code: "ERR_SSL_SSL/TLS_ALERT_BAD_CERTIFICATE",
      title:
        "TLS handshake failed: the broker requires a client certificate and the console has none configured",
      hint: "This listener has ssl.client.auth=required. Configure tls.cert and tls.key with the console's identity.",
    },
    { clientCertificate: false },
  ],
  [
    "no client certificate configured (newer JDKs answer certificate_required)",
    closedWithAlert(
      nodeError("tlsv13 alert certificate required", { code: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED" }),
    ),
    {
      kind: "tls",
      code: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
      title:
        "TLS handshake failed: the broker requires a client certificate and the console has none configured",
      hint: "This listener has ssl.client.auth=required. Configure tls.cert and tls.key with the console's identity.",
    },
    { clientCertificate: false },
  ],
  [
    "client certificate refused",
    closedWithAlert(badCertificateAlert),
    {
      kind: "tls",
      code: "ERR_SSL_SSL/TLS_ALERT_BAD_CERTIFICATE",
      title: "TLS handshake failed: the broker refused the console's client certificate (bad certificate)",
    },
    { clientCertificate: true },
  ],
  [
    "certificate_required alert (OpenSSL-based brokers)",
    closedWithAlert(
      nodeError("tlsv13 alert certificate required", { code: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED" }),
    ),
    { kind: "tls", title: "TLS handshake failed: the broker requires a client certificate" },
  ],
  [
    "client certificate from a CA the broker does not trust",
    closedWithAlert(nodeError("tlsv1 alert unknown ca", { code: "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA" })),
    {
      kind: "tls",
      code: "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA",
      title: "TLS handshake failed: the broker does not trust the CA of the console's client certificate",
    },
    { clientCertificate: true },
  ],
  [
    "certificate_unknown alert, old OpenSSL naming",
    closedWithAlert(
      nodeError("sslv3 alert certificate unknown", { code: "ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN" }),
    ),
    {
      kind: "tls",
      title:
        "TLS handshake failed: the broker refused the console's client certificate (certificate unknown)",
    },
  ],
  [
    "an alert without its own words",
    closedWithAlert(
      nodeError(
        "C0:error:0A000419:SSL routines:ssl3_read_bytes:tlsv1 alert access denied:rec_layer_s3.c:918:",
        {
          code: "ERR_SSL_TLSV1_ALERT_ACCESS_DENIED",
        },
      ),
    ),
    {
      kind: "tls",
      code: "ERR_SSL_TLSV1_ALERT_ACCESS_DENIED",
      title: "TLS handshake failed: tlsv1 alert access denied",
    },
  ],
  [
    "TLS against a plaintext port: the broker hangs up",
    connectFailed(
      new UserError("TLS handshake failed. Please verify the broker supports TLS.", {
        cause: nodeError("Client network socket disconnected before secure TLS connection was established", {
          code: "ECONNRESET",
        }),
      }),
    ),
    {
      kind: "tls",
      code: "ECONNRESET",
      title: "TLS handshake failed: the broker closed the connection during the handshake",
    },
  ],
  [
    "plaintext against a TLS port",
    new UserError("Broker requires TLS."),
    {
      kind: "tls",
      code: "PLT_KFK_USER",
      title: "The broker expects TLS but the console connected without it",
    },
  ],
  [
    "private key of another certificate",
    nodeError("error:05800074:x509 certificate routines::key values mismatch", {
      code: "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
    }),
    { kind: "tls", code: "ERR_OSSL_X509_KEY_VALUES_MISMATCH" },
  ],
];

describe("describeKafkaError: tls", () => {
  itTranslates(cases);
});
