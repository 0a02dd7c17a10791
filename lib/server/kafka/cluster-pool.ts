// The clients of every configured cluster, created once and reused; recreated after a connection-level failure.
import { Admin, Consumer, Producer, TimeoutError } from "@platformatic/kafka";

import type { ClusterConnection, ClusterProblem, ClusterStatus } from "@/lib/schemas/cluster";

import {
  adminOptions,
  checkTlsMaterial,
  fetchConsumerOptions,
  producerOptions,
  defaultTimeouts,
  principalOf,
  type ClientTimeouts,
} from "./client-options";
import { capabilitiesFromApiVersions, type ClusterCapabilities } from "./capabilities";
import { checkClusterStatus } from "./cluster-status";
import { ConnectionErrorLog } from "./connection-error-log";
import { installContiguousResponses } from "./contiguous-responses";
import { describeKafkaError, type KafkaErrorContext } from "./errors/describe-kafka-error";

export type ClusterResult<T> = { ok: true; data: T } | { ok: false; problem: ClusterProblem };

export interface ClusterPoolOptions {
  timeouts?: ClientTimeouts;
  /** Upper bound for one operation, whatever the library does underneath. */
  deadlineMs?: number;
}

export interface ClusterPool {
  /** Cluster names in configuration order. */
  names(): string[];
  /** Runs an operation with the cluster's admin client; failures come back translated, never thrown. */
  withAdmin<T>(
    cluster: string,
    operation: (admin: Admin) => Promise<T>,
    context?: KafkaErrorContext,
  ): Promise<ClusterResult<T>>;
  /** Runs an operation with the cluster's pooled producer (one per cluster, created on first use). */
  withProducer<T>(
    cluster: string,
    operation: (producer: Producer) => Promise<T>,
    context?: KafkaErrorContext,
  ): Promise<ClusterResult<T>>;
  /**
   * A new consumer that never joins a group, for one message search: its own connections and fetch
   * sessions, so concurrent searches cannot disturb each other. The caller closes it.
   */
  openFetchConsumer(cluster: string): ClusterResult<FetchConsumer>;
  /** Live overview; concurrent callers for one cluster share one request. */
  status(cluster: string): Promise<ClusterStatus>;
  /**
   * What the cluster can do, from the ApiVersions answer of the latest successful status check
   * (kept for a minute; a check is made when there is none).
   */
  capabilities(cluster: string): Promise<ClusterResult<ClusterCapabilities>>;
  /** Per cluster, whether its shared admin and producer are open now (for /metrics; no I/O). */
  openClients(): { cluster: string; admin: boolean; producer: boolean }[];
  close(): Promise<void>;
}

/** A search's own consumer and the translation of its failures into the operator's terms. */
export interface FetchConsumer {
  consumer: Consumer;
  describe(error: unknown, context?: KafkaErrorContext): ClusterProblem;
}

/** What the pool holds per cluster: the shared admin and producer. Searches open their own consumers. */
interface ClusterClients {
  connection: ClusterConnection;
  admin?: Admin;
  producer?: Producer;
  connectionErrors: ConnectionErrorLog;
  /** Checked once: the connection settings do not change during the pool's life. */
  tlsProblem?: ClusterProblem | null;
  statusInFlight?: Promise<ClusterStatus>;
  capabilities?: { data: ClusterCapabilities; at: number };
}

/** Brokers change their APIs only with an upgrade; a minute keeps a rolling one from going unseen for long. */
const CAPABILITIES_TTL_MS = 60_000;

/** A safety net above the library's own timeouts (about 6 s for a silent broker with the defaults). */
const DEFAULT_DEADLINE_MS = 12_000;

/** Failures after which the client's connections are suspect: start over with a new client next time. */
const connectionLevel = new Set<ClusterProblem["kind"]>(["unreachable", "tls", "authentication"]);

installContiguousResponses();

export function createClusterPool(
  connections: ClusterConnection[],
  options: ClusterPoolOptions = {},
): ClusterPool {
  const timeouts = options.timeouts ?? defaultTimeouts;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const clusters = new Map<string, ClusterClients>(
    connections.map((connection) => [
      connection.name,
      { connection, connectionErrors: new ConnectionErrorLog() },
    ]),
  );
  let closed = false;

  function adminOf(clients: ClusterClients): Admin {
    if (clients.admin && !clients.admin.closed) return clients.admin;
    const admin = new Admin(adminOptions(clients.connection, timeouts));
    clients.connectionErrors.watch(admin);
    clients.admin = admin;
    return admin;
  }

  function producerOf(clients: ClusterClients): Producer {
    if (clients.producer && !clients.producer.closed) return clients.producer;
    const producer = new Producer(producerOptions(clients.connection, timeouts));
    clients.connectionErrors.watch(producer);
    clients.producer = producer;
    return producer;
  }

  function discard(clients: ClusterClients, client: Admin | Producer) {
    if (clients.admin === client) clients.admin = undefined;
    else if (clients.producer === client) clients.producer = undefined;
    else return;
    // A stuck connection may take long to close; nobody waits for it.
    client.close().catch(() => {});
  }

  function usable(cluster: string): ClusterResult<ClusterClients> {
    const clients = clusters.get(cluster);
    if (!clients || closed) return { ok: false, problem: unknownCluster(cluster, closed) };
    if (clients.tlsProblem === undefined) clients.tlsProblem = checkTlsMaterial(clients.connection);
    if (clients.tlsProblem) return { ok: false, problem: clients.tlsProblem };
    return { ok: true, data: clients };
  }

  function describeFailure(
    clients: ClusterClients,
    error: unknown,
    startedAt: number,
    context: KafkaErrorContext,
  ): ClusterProblem {
    // The telling TLS alert may only have reached the connection, not the failed request.
    const seen = clients.connectionErrors.since(startedAt);
    return describeKafkaError(seen.length ? new AggregateError([error, ...seen]) : error, {
      ...contextOf(clients.connection),
      ...context,
    });
  }

  async function withClient<C extends Admin | Producer, T>(
    cluster: string,
    clientOf: (clients: ClusterClients) => C,
    operation: (client: C) => Promise<T>,
    context: KafkaErrorContext = {},
  ): Promise<ClusterResult<T>> {
    const found = usable(cluster);
    if (!found.ok) return found;
    const clients = found.data;
    const startedAt = Date.now();
    const client = clientOf(clients);
    try {
      return { ok: true, data: await withDeadline(operation(client), deadlineMs) };
    } catch (error) {
      const problem = describeFailure(clients, error, startedAt, context);
      if (connectionLevel.has(problem.kind)) discard(clients, client);
      return { ok: false, problem };
    }
  }

  const withAdmin: ClusterPool["withAdmin"] = (cluster, operation, context) =>
    withClient(cluster, adminOf, operation, context);
  const withProducer: ClusterPool["withProducer"] = (cluster, operation, context) =>
    withClient(cluster, producerOf, operation, context);

  function openFetchConsumer(cluster: string): ClusterResult<FetchConsumer> {
    const found = usable(cluster);
    if (!found.ok) return found;
    const clients = found.data;
    const consumer = new Consumer(fetchConsumerOptions(clients.connection, timeouts));
    const openedAt = Date.now();
    clients.connectionErrors.watch(consumer);
    return {
      ok: true,
      data: {
        consumer,
        describe: (error, context = {}) => describeFailure(clients, error, openedAt, context),
      },
    };
  }

  function status(cluster: string): Promise<ClusterStatus> {
    const clients = clusters.get(cluster);
    if (!clients || closed) {
      const checkedAt = new Date().toISOString();
      return Promise.resolve({ ok: false, cluster, problem: unknownCluster(cluster, closed), checkedAt });
    }
    clients.statusInFlight ??= checkClusterStatus(cluster, withAdmin)
      .then((checked) => {
        if (checked.ok) {
          const data = capabilitiesFromApiVersions(checked.overview.apiVersions);
          clients.capabilities = { data, at: Date.now() };
        }
        return checked;
      })
      .finally(() => {
        clients.statusInFlight = undefined;
      });
    return clients.statusInFlight;
  }

  async function capabilities(cluster: string): Promise<ClusterResult<ClusterCapabilities>> {
    const known = clusters.get(cluster)?.capabilities;
    if (known && Date.now() - known.at < CAPABILITIES_TTL_MS) return { ok: true, data: known.data };
    const checked = await status(cluster);
    if (!checked.ok) return { ok: false, problem: checked.problem };
    return { ok: true, data: capabilitiesFromApiVersions(checked.overview.apiVersions) };
  }

  async function close() {
    closed = true;
    const open = [...clusters.values()].flatMap((clients) =>
      [clients.admin, clients.producer].filter((client) => client !== undefined),
    );
    for (const clients of clusters.values()) {
      clients.admin = undefined;
      clients.producer = undefined;
    }
    await Promise.allSettled(open.map((client) => withDeadline(client.close(), deadlineMs)));
  }

  return {
    names: () => [...clusters.keys()],
    withAdmin,
    withProducer,
    openFetchConsumer,
    status,
    capabilities,
    openClients: () =>
      [...clusters.entries()].map(([cluster, clients]) => ({
        cluster,
        admin: Boolean(clients.admin && !clients.admin.closed),
        producer: Boolean(clients.producer && !clients.producer.closed),
      })),
    close,
  };
}

function contextOf(connection: ClusterConnection): KafkaErrorContext {
  return {
    cluster: connection.name,
    principal: principalOf(connection),
    tls: Boolean(connection.tls),
    clientCertificate: Boolean(connection.tls?.cert),
    sasl: connection.sasl && { mechanism: connection.sasl.mechanism, username: connection.sasl.username },
  };
}

function unknownCluster(cluster: string, closed: boolean): ClusterProblem {
  return closed
    ? {
        kind: "unreachable",
        title: "The console is shutting down",
        hint: "Its connections to the clusters are closed. Try again once it is back.",
      }
    : {
        kind: "unknown-cluster",
        title: `No cluster named "${cluster}" is configured`,
        hint: "Check the cluster names in the console's configuration.",
      };
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`No answer within ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
