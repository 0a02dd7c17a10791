// The Kafka release the test brokers run (KAFKA_VERSION, else the pom's), for tests whose answer
// depends on it: what the broker lacks is then asserted as missing, never skipped.
import { KAFKA_VERSION } from "../../scripts/cluster/broker";

export const kafkaRelease = (() => {
  const [major = 0, minor = 0] = KAFKA_VERSION.split(".").map(Number);
  return { version: KAFKA_VERSION, major, minor };
})();

/** True when the test brokers run at least `major.minor`. */
export function kafkaAtLeast(major: number, minor: number): boolean {
  return kafkaRelease.major > major || (kafkaRelease.major === major && kafkaRelease.minor >= minor);
}
