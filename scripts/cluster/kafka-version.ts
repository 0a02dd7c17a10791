// Which Apache Kafka the local and test brokers run: `kafka.version` in pom.xml, or KAFKA_VERSION in
// the environment (e.g. KAFKA_VERSION=3.9.2 to run the version-dependent tests on 3.9). Each
// version's jars live in a directory of their own, so switching back and forth fetches each once.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
export const POM = join(HERE, "pom.xml");

const RELEASE = /^\d+\.\d+\.\d+$/;

/** The pom's `kafka.version`. */
export function defaultKafkaVersion(pom: string = readFileSync(POM, "utf8")): string {
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1]?.trim();
  if (!version) throw new Error(`No <kafka.version> in ${POM}.`);
  return version;
}

/** KAFKA_VERSION when set (a release such as 3.9.2), else the pom's. */
export function kafkaVersion(env: Record<string, string | undefined> = process.env, pom?: string): string {
  const wanted = env.KAFKA_VERSION?.trim();
  if (!wanted) return defaultKafkaVersion(pom);
  if (!RELEASE.test(wanted)) {
    throw new Error(`KAFKA_VERSION must be a release such as 3.9.2 (major.minor.patch), not "${wanted}".`);
  }
  return wanted;
}

/** The jars' directory: target/dependency for the pom's version (as before), target/kafka-<v> otherwise. */
export function jarsDirectory(version: string, pom?: string): string {
  return version === defaultKafkaVersion(pom)
    ? join(HERE, "target", "dependency")
    : join(HERE, "target", `kafka-${version}`);
}
