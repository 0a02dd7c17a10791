import "server-only";

// Connection snippets for the result page: the cluster's brokers and the downloaded files, with the
// broker verified against the CA (never rejectUnauthorized: false or an empty identification algorithm).
export interface SnippetInput {
  bootstrapServers: string[];
  commonName: string;
  /** File names as the user saved them (cert.pem, key.pem, ca.pem, client.p12). */
  files: { cert: string; key: string; ca: string; pkcs12?: string };
}

export type SnippetLanguage = "kafkajs" | "java" | "python" | "kcat";

const quote = (value: string) => JSON.stringify(value);

function kafkajs({ bootstrapServers, commonName, files }: SnippetInput): string {
  return `import { readFileSync } from "node:fs";
import { Kafka } from "kafkajs";

// Authenticates as User:${commonName}; the broker is verified against the CA (rejectUnauthorized stays true).
const kafka = new Kafka({
  clientId: ${quote(commonName)},
  brokers: ${JSON.stringify(bootstrapServers)},
  ssl: {
    ca: [readFileSync(${quote(files.ca)}, "utf8")],
    cert: readFileSync(${quote(files.cert)}, "utf8"),
    key: readFileSync(${quote(files.key)}, "utf8"),
  },
});
`;
}

function java({ bootstrapServers, commonName, files }: SnippetInput): string {
  const keystore = files.pkcs12 ?? "client.p12";
  return `# client.properties: authenticates as User:${commonName}
bootstrap.servers=${bootstrapServers.join(",")}
security.protocol=SSL
ssl.keystore.type=PKCS12
ssl.keystore.location=${keystore}
ssl.keystore.password=<the PKCS#12 password you chose>
ssl.key.password=<the PKCS#12 password you chose>
ssl.truststore.type=PEM
ssl.truststore.location=${files.ca}
# Verifies that the broker's certificate names the host (the default; shown so nobody blanks it).
ssl.endpoint.identification.algorithm=https
`;
}

function python({ bootstrapServers, commonName, files }: SnippetInput): string {
  return `from confluent_kafka import Producer

# Authenticates as User:${commonName}; the broker is verified against the CA.
producer = Producer({
    "bootstrap.servers": ${quote(bootstrapServers.join(","))},
    "security.protocol": "SSL",
    "ssl.ca.location": ${quote(files.ca)},
    "ssl.certificate.location": ${quote(files.cert)},
    "ssl.key.location": ${quote(files.key)},
    "client.id": ${quote(commonName)},
})
`;
}

const shellQuote = (value: string) =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;

function kcat({ bootstrapServers, files }: SnippetInput): string {
  return `kcat -L -b ${shellQuote(bootstrapServers.join(","))} \\
  -X security.protocol=ssl \\
  -X ssl.ca.location=${shellQuote(files.ca)} \\
  -X ssl.certificate.location=${shellQuote(files.cert)} \\
  -X ssl.key.location=${shellQuote(files.key)}
`;
}

export function connectionSnippets(input: SnippetInput): Record<SnippetLanguage, string> {
  return { kafkajs: kafkajs(input), java: java(input), python: python(input), kcat: kcat(input) };
}
