import { describe, expect, it } from "vitest";

import { connectionSnippets } from "./snippets";

describe("connection snippets", () => {
  const snippets = connectionSnippets({
    bootstrapServers: ["broker-1.example.com:9093", "broker-2.example.com:9093"],
    commonName: "stream-processor",
    files: { cert: "cert.pem", key: "key.pem", ca: "ca.pem", pkcs12: "stream-processor.p12" },
  });

  it("fills in the brokers and the files, verifying the broker with the CA", () => {
    expect(snippets.kafkajs).toContain('brokers: ["broker-1.example.com:9093","broker-2.example.com:9093"]');
    expect(snippets.kafkajs).toContain('ca: [readFileSync("ca.pem", "utf8")]');
    expect(snippets.java).toContain("ssl.keystore.location=stream-processor.p12");
    expect(snippets.java).toContain("ssl.truststore.type=PEM");
    expect(snippets.java).toContain("ssl.truststore.location=ca.pem");
    expect(snippets.python).toContain('"ssl.ca.location": "ca.pem"');
    expect(snippets.kcat).toContain("-X security.protocol=ssl");
    expect(snippets.kcat).toContain("-b broker-1.example.com:9093,broker-2.example.com:9093");
    for (const text of Object.values(snippets)) {
      expect(text).not.toMatch(/rejectUnauthorized:\s*false/);
      expect(text).not.toMatch(/endpoint\.identification\.algorithm=\s*$/m);
      expect(text).not.toContain("enable.ssl.certificate.verification=false");
    }
  });
});
