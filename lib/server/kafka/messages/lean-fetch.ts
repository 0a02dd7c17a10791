// A search consumer's Fetch answers parsed with lazy record batches (lazy-batch.ts): the request,
// version choice, fetch sessions, retries and read_committed pass stay the client's; only the
// parsing of the answer is the console's, for the flexible versions (12 to 17) that Kafka 2.8 and
// later negotiate. An older broker gets the client's own parser. The response fields are read
// exactly as the client's fetch-v12…v17 parseResponse reads them.
import {
  createAPI,
  fetchV12,
  fetchV13,
  fetchV14,
  fetchV15,
  fetchV16,
  fetchV17,
  kGetApi,
  readKnownTaggedFields,
  ResponseError,
  type Callback,
  type Consumer,
  type Reader,
} from "@platformatic/kafka";

import { readLazyBatches } from "./lazy-batch";

const REQUESTS: Record<number, (...args: never[]) => unknown> = {
  12: fetchV12.createRequest,
  13: fetchV13.createRequest,
  14: fetchV14.createRequest,
  15: fetchV15.createRequest,
  16: fetchV16.createRequest,
  17: fetchV17.createRequest,
};

const INSTALLED = Symbol.for("kafka-console.kafka.lean-fetch");
const apis = new Map<number, unknown>();

type FetchApi = { version: number };
type GetApi = (name: string, callback: Callback<unknown>) => void;

/** Makes `consumer`'s Fetch answers carry lazy batches. */
export function installLeanFetch(consumer: Consumer): void {
  const target = consumer as unknown as Record<symbol, unknown>;
  if (target[INSTALLED]) return;
  target[INSTALLED] = true;
  const original = (consumer[kGetApi] as unknown as GetApi).bind(consumer);
  target[kGetApi] = (name: string, callback: Callback<unknown>) => {
    if (name !== "Fetch") return original(name, callback);
    original(name, (error, api) => {
      if (error || !api) return callback(error, api);
      callback(null, leanFetchApi((api as FetchApi).version) ?? api);
    });
  };
}

function leanFetchApi(version: number): unknown {
  const createRequest = REQUESTS[version];
  if (!createRequest) return undefined;
  let api = apis.get(version);
  if (!api) {
    api = createAPI(1, version, createRequest as never, parseLeanResponse as never);
    apis.set(version, api);
  }
  return api;
}

type Errors = [string, [number, null]][];

export function parseLeanResponse(
  _correlationId: number,
  apiKey: number,
  apiVersion: number,
  reader: Reader,
) {
  const errors: Errors = [];
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  if (errorCode !== 0) errors.push([apiVersion >= 15 ? "" : "/", [errorCode, null]]);
  const response: {
    throttleTimeMs: number;
    errorCode: number;
    sessionId: number;
    nodeEndpoints?: { nodeId: number; host: string; port: number; rack: string | null }[];
    responses: ReturnType<typeof readTopics>;
  } = {
    throttleTimeMs,
    errorCode,
    sessionId: reader.readInt32(),
    // Version 16 and later carry node endpoints (the client fills in none for older ones).
    ...(apiVersion >= 16 ? { nodeEndpoints: [] } : {}),
    responses: readTopics(reader, apiVersion, errors),
  };
  readKnownTaggedFields(reader, {
    0: (tagged: Reader) => {
      if (apiVersion < 16) return;
      response.nodeEndpoints = tagged.readArray((endpoint) => ({
        nodeId: endpoint.readInt32(),
        host: endpoint.readString(),
        port: endpoint.readInt32(),
        rack: endpoint.readNullableString(),
      }));
    },
  });
  if (errors.length > 0) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}

function readTopics(reader: Reader, apiVersion: number, errors: Errors) {
  return reader.readArray((topicReader, topicIndex) => ({
    // Version 12 names the topic; the client maps the name back to its id.
    topicId: apiVersion <= 12 ? topicReader.readString() : topicReader.readUUID(),
    partitions: topicReader.readArray(
      (partitionReader, partitionIndex) => readPartition(partitionReader, topicIndex, partitionIndex, errors),
      true,
      false,
    ),
  }));
}

function readPartition(reader: Reader, topicIndex: number, partitionIndex: number, errors: Errors) {
  const partition = {
    partitionIndex: reader.readInt32(),
    errorCode: reader.readInt16(),
    highWatermark: reader.readInt64(),
    lastStableOffset: reader.readInt64(),
    logStartOffset: reader.readInt64(),
    divergingEpoch: { epoch: -1, endOffset: -1n },
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
    snapshotId: { endOffset: -1n, epoch: -1 },
    abortedTransactions: reader.readNullableArray((aborted) => ({
      producerId: aborted.readInt64(),
      firstOffset: aborted.readInt64(),
    })),
    preferredReadReplica: reader.readInt32(),
    records: [] as ReturnType<typeof readLazyBatches> | null,
  };
  if (partition.errorCode !== 0)
    errors.push([`/responses/${topicIndex}/partitions/${partitionIndex}`, [partition.errorCode, null]]);
  // COMPACT_RECORDS: the length plus one, 0 for null.
  const recordsSize = reader.readUnsignedVarInt();
  if (recordsSize === 0) partition.records = null;
  if (recordsSize > 1) {
    const size = recordsSize - 1;
    partition.records = readLazyBatches(
      reader.buffer.subarray(reader.position, reader.position + size).buffer,
    );
    reader.skip(size);
  }
  readKnownTaggedFields(reader, {
    0: (tagged: Reader) => {
      partition.divergingEpoch = { epoch: tagged.readInt32(), endOffset: tagged.readInt64() };
    },
    1: (tagged: Reader) => {
      partition.currentLeader = { leaderId: tagged.readInt32(), leaderEpoch: tagged.readInt32() };
    },
    2: (tagged: Reader) => {
      partition.snapshotId = { endOffset: tagged.readInt64(), epoch: tagged.readInt32() };
    },
  });
  return partition;
}
