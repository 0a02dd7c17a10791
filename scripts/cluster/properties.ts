// The broker's configuration: mTLS everywhere, principal = CN, StandardAuthorizer with deny by default.
import { BROKER_IDENTITY, CONSOLE_IDENTITY, type BrokerLayout, type BrokerPorts } from "./layout";

const HOST = "127.0.0.1";

/** PLAIN on the SASL_SSL listener, beside SCRAM: the users and passwords the broker accepts. */
export interface PlainSettings {
  users: Record<string, string>;
  /** Users that are super users besides the broker's and the console's certificate identities. */
  superUsers: string[];
}

export function serverProperties(
  layout: BrokerLayout,
  ports: BrokerPorts,
  plain?: PlainSettings,
  kafkaVersion = "4.0.0",
  /** SCRAM-SHA-256 beside SCRAM-SHA-512 on the SASL_SSL listener (the SCRAM users tests sign in with both). */
  scramSha256 = false,
): string {
  const properties: Record<string, string | number> = {
    "process.roles": "broker,controller",
    "node.id": 1,
    "controller.quorum.voters": `1@${HOST}:${ports.controller}`,
    listeners: `SSL://${HOST}:${ports.ssl},SASL_SSL://${HOST}:${ports.sasl},CONTROLLER://${HOST}:${ports.controller}`,
    "advertised.listeners": `SSL://${HOST}:${ports.ssl},SASL_SSL://${HOST}:${ports.sasl}`,
    // The controller listener is mTLS too, so it is no way around the authorizer: only a
    // certificate from this CA gets a session there, and the authorizer judges its CN.
    "listener.security.protocol.map": "SSL:SSL,SASL_SSL:SASL_SSL,CONTROLLER:SSL",
    "inter.broker.listener.name": "SSL",
    "controller.listener.names": "CONTROLLER",
    "log.dirs": layout.data,
    "num.partitions": 3,
    "offsets.topic.replication.factor": 1,
    "transaction.state.log.replication.factor": 1,
    "transaction.state.log.min.isr": 1,
    "share.coordinator.state.topic.replication.factor": 1,
    "share.coordinator.state.topic.min.isr": 1,
    "group.initial.rebalance.delay.ms": 0,
    // The log cleaner takes its dedupe buffer (128 MiB by default) out of the heap in one piece at
    // start-up; in the 256 MiB heap of a test broker that failed a restart with OutOfMemoryError.
    "log.cleaner.dedupe.buffer.size": 16 * 1024 * 1024,
    // Before 4.0 the consumer protocol (KIP-848) is a preview an operator turns on; 4.0 turns it on
    // by default, and naming the protocols there would turn share groups off.
    ...(Number(kafkaVersion.split(".")[0]) < 4 && {
      "group.coordinator.rebalance.protocols": "classic,consumer",
    }),

    "ssl.keystore.type": "PEM",
    "ssl.keystore.location": layout.brokerKeystore,
    "ssl.truststore.type": "PEM",
    "ssl.truststore.location": layout.caBundle,
    "ssl.client.auth": "required",
    "ssl.endpoint.identification.algorithm": "https",
    // Java renders the subject as RFC 2253 ("CN=alice,O=Acme"); the principal is the bare CN.
    "ssl.principal.mapping.rules": "RULE:^CN=([^,]+).*$/$1/,RULE:^.*[,]CN=([^,]+).*$/$1/,DEFAULT",

    "listener.name.sasl_ssl.ssl.client.auth": "none",
    "sasl.enabled.mechanisms": [plain && "PLAIN", scramSha256 && "SCRAM-SHA-256", "SCRAM-SHA-512"]
      .filter(Boolean)
      .join(","),
    "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config":
      "org.apache.kafka.common.security.scram.ScramLoginModule required;",
    ...(scramSha256 && {
      "listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config":
        "org.apache.kafka.common.security.scram.ScramLoginModule required;",
    }),
    ...(plain && { "listener.name.sasl_ssl.plain.sasl.jaas.config": plainJaas(plain.users) }),

    "authorizer.class.name": "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
    "allow.everyone.if.no.acl.found": "false",
    "super.users": [BROKER_IDENTITY, CONSOLE_IDENTITY, ...(plain?.superUsers ?? [])]
      .map((name) => `User:${name}`)
      .join(";"),
  };
  return Object.entries(properties)
    .map(([key, value]) => `${key}=${String(value).replaceAll("\\", "\\\\")}`)
    .join("\n")
    .concat("\n");
}

/** Kafka's built-in PLAIN store: one user_<name>="<password>" option per user in the JAAS line. */
function plainJaas(users: Record<string, string>): string {
  const options = Object.entries(users).map(([name, password]) => {
    if (!/^[\w-]+$/.test(name) || /["\\\s;]/.test(password))
      throw new Error(
        `PLAIN user ${name}: names are [A-Za-z0-9_-], passwords without quotes, backslashes, spaces or ';'`,
      );
    return ` user_${name}="${password}"`;
  });
  return `org.apache.kafka.common.security.plain.PlainLoginModule required${options.join("")};`;
}

export function log4jProperties(): string {
  return [
    "status = warn",
    "appender.stdout.type = Console",
    "appender.stdout.name = STDOUT",
    "appender.stdout.layout.type = PatternLayout",
    "appender.stdout.layout.pattern = [%d] %p %m (%c)%n",
    "rootLogger.level = INFO",
    "rootLogger.appenderRef.stdout.ref = STDOUT",
    // Authorizer decisions at INFO show every denied request, which is what an operator debugs.
    "logger.authorizer.name = kafka.authorizer.logger",
    "logger.authorizer.level = INFO",
    "",
  ].join("\n");
}
