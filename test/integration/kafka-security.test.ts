// What an operator sees when the console's TLS or SASL settings do not fit a real Kafka 4.3 broker
// (mTLS listener with client auth required, SASL_SSL listener with SCRAM-SHA-512).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ClusterConnection, ClusterProblem } from "@/lib/schemas/cluster";
import { createRootCa, issueLeafCertificate } from "@/lib/server/ca/certificates";
import { createClusterPool } from "@/lib/server/kafka/cluster-pool";

import { startTestBroker, type TestBroker } from "../support/broker";

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker();
});

afterAll(async () => {
  await broker?.dispose();
});

/** The status of a one-cluster pool built from these settings; the pool is closed afterwards. */
async function statusOf(settings: Omit<ClusterConnection, "name">) {
  const pool = createClusterPool([{ name: "under-test", ...settings }]);
  try {
    return await pool.status("under-test");
  } finally {
    await pool.close();
  }
}

async function problemOf(settings: Omit<ClusterConnection, "name">): Promise<ClusterProblem> {
  const status = await statusOf(settings);
  if (status.ok) throw new Error("expected a problem, the cluster answered");
  return status.problem;
}

const ssl = () => ({ bootstrapBrokers: [broker.sslBootstrap] });
const sasl = () => ({ bootstrapBrokers: [broker.saslBootstrap], tls: { ca: broker.ca } });

describe("TLS", () => {
  it("names a broker certificate from another CA", async () => {
    const otherCa = createRootCa({ commonName: "Some other CA" });
    expect(
      await problemOf({ ...ssl(), tls: { ca: otherCa.certificatePem, ...broker.console } }),
    ).toMatchObject({
      kind: "tls",
      title: "TLS handshake failed: the broker's certificate is not signed by the configured CA",
      code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    });
  });

  it("says the broker wants a client certificate when none is configured", async () => {
    // Kafka (Java) answers a missing certificate after the client considers the handshake done, so
    // the request only sees the connection close. Which alert it sends depends on the JDK's TLS
    // stack: bad_certificate up to 17.0.15 or so, certificate_required (TLS 1.3's own) since. The
    // operator must read the same message either way.
    expect(await problemOf({ ...ssl(), tls: { ca: broker.ca } })).toMatchObject({
      kind: "tls",
      title:
        "TLS handshake failed: the broker requires a client certificate and the console has none configured",
      hint: "This listener has ssl.client.auth=required. Configure tls.cert and tls.key with the console's identity.",
      code: expect.stringMatching(/^ERR_SSL_.*ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED)$/),
    });
  });

  it("says the broker refused a client certificate from a CA it does not trust", async () => {
    const foreignCa = createRootCa({ commonName: "Foreign CA" });
    const leaf = issueLeafCertificate(foreignCa, {
      subject: { commonName: "kafka-console" },
      validityDays: 1,
    });
    const tls = { ca: broker.ca, cert: leaf.certificatePem, key: leaf.privateKeyPem };
    expect(await problemOf({ ...ssl(), tls })).toMatchObject({
      kind: "tls",
      title:
        "TLS handshake failed: the broker refused the console's client certificate (certificate unknown)",
      code: expect.stringMatching(/^ERR_SSL_.*ALERT_CERTIFICATE_UNKNOWN$/),
    });
  });

  it("names the host name the broker's certificate does not cover", async () => {
    const tls = { ca: broker.ca, ...broker.console, servername: "kafka.example.com" };
    expect(await problemOf({ ...ssl(), tls })).toMatchObject({
      kind: "tls",
      title: "TLS handshake failed: the broker's certificate does not match the host name kafka.example.com",
      hint: expect.stringContaining("DNS:localhost, IP Address:127.0.0.1"),
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
    });
  });

  it("accepts a servername the broker's certificate lists", async () => {
    const tls = { ca: broker.ca, ...broker.console, servername: "localhost" };
    expect((await statusOf({ ...ssl(), tls })).ok).toBe(true);
  });

  it("says the port wants TLS when the console connects in plaintext", async () => {
    expect(await problemOf(ssl())).toMatchObject({
      kind: "tls",
      title: "The broker expects TLS but the console connected without it",
    });
  });

  it("refuses a key that does not belong to the certificate before connecting", async () => {
    const tls = { ca: broker.ca, cert: broker.console.cert, key: broker.issueClientCertificate("x").key };
    expect(await problemOf({ ...ssl(), tls })).toMatchObject({
      kind: "tls",
      code: "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
    });
  });
});

describe("SASL", () => {
  it("connects with the right SCRAM password", async () => {
    const status = await statusOf({ ...sasl(), sasl: { mechanism: "SCRAM-SHA-512", ...broker.scramUser } });
    expect(status.ok && status.overview.brokers).toEqual([
      expect.objectContaining({ port: broker.ports.sasl }),
    ]);
  });

  it("says authentication failed for a wrong password, naming the user", async () => {
    const credentials = {
      mechanism: "SCRAM-SHA-512" as const,
      username: broker.scramUser.username,
      password: "no",
    };
    const problem = await problemOf({ ...sasl(), sasl: credentials });
    expect(problem).toEqual({
      kind: "authentication",
      title: `SASL authentication failed for user ${broker.scramUser.username} (SCRAM-SHA-512)`,
      hint: expect.any(String),
      code: "SASL_AUTHENTICATION_FAILED",
    });
    expect(JSON.stringify(problem)).not.toContain(broker.scramUser.password);
  });

  it("lists the mechanisms the listener accepts", async () => {
    const problem = await problemOf({ ...sasl(), sasl: { mechanism: "SCRAM-SHA-256", ...broker.scramUser } });
    expect(problem).toMatchObject({
      kind: "authentication",
      title: "The broker does not accept SASL mechanism SCRAM-SHA-256",
      hint: expect.stringContaining("This listener accepts SCRAM-SHA-512."),
      code: "UNSUPPORTED_SASL_MECHANISM",
    });
  });

  it("says the listener does not do SASL when SASL is sent to the mTLS port", async () => {
    const settings = { ...ssl(), tls: { ca: broker.ca, ...broker.console } };
    const problem = await problemOf({
      ...settings,
      sasl: { mechanism: "SCRAM-SHA-512", ...broker.scramUser },
    });
    expect(problem).toMatchObject({ kind: "authentication", code: "ILLEGAL_SASL_STATE" });
  });

  it("says the broker hung up when SASL goes in plaintext to the SASL_SSL port", async () => {
    const settings = { bootstrapBrokers: [broker.saslBootstrap] };
    const problem = await problemOf({
      ...settings,
      sasl: { mechanism: "SCRAM-SHA-512", ...broker.scramUser },
    });
    expect(problem).toMatchObject({
      kind: "authentication",
      title: "SASL authentication failed: the broker closed the connection during the handshake",
      hint: expect.stringContaining("expects TLS"),
    });
  });

  it("says the broker hung up when the SASL port gets no SASL", async () => {
    expect(await problemOf(sasl())).toMatchObject({
      kind: "unreachable",
      title: "The broker closed the connection",
      hint: expect.stringContaining("configure sasl"),
    });
  });
});
