// A REST Proxy client for the benchmark, on node:http with kept-alive connections: v3 produce one
// record per request, v3 produce as one streamed request (chunked, the delivery reports read while
// records are still being sent), and a v2 consumer instance read until it has every record.
import { Agent, request, type IncomingMessage } from "node:http";

const V2 = "application/vnd.kafka.v2+json";

export interface RestClient {
  /** One request, its whole answer. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Streams the records (each a JSON text) in one chunked POST; resolves with the delivery reports' codes. */
  streamRecords(path: string, records: Iterable<string>, chunkBytes: number): Promise<number[]>;
  close(): void;
}

export interface Answer {
  status: number;
  text: string;
}

export function restClient(baseUrl: string, authorization: string, maxSockets = 16): RestClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const open = (method: string, path: string, headers: Record<string, string>) =>
    request(new URL(path, baseUrl), { method, agent, headers: { Authorization: authorization, ...headers } });

  return {
    call: (method, path, body, headers = {}) =>
      new Promise<Answer>((resolve, reject) => {
        const text = body === undefined ? undefined : JSON.stringify(body);
        const outgoing = open(method, path, {
          "Content-Type": "application/json",
          ...headers,
          ...(text === undefined ? {} : { "Content-Length": String(Buffer.byteLength(text)) }),
        });
        outgoing.on("error", reject);
        outgoing.on("response", (answer) =>
          readAll(answer).then((all) => resolve({ status: answer.statusCode ?? 0, text: all }), reject),
        );
        outgoing.end(text);
      }),

    streamRecords: (path, records, chunkBytes) =>
      new Promise<number[]>((resolve, reject) => {
        const outgoing = open("POST", path, {
          "Content-Type": "application/json",
          "Transfer-Encoding": "chunked",
        });
        outgoing.on("error", reject);
        outgoing.on("response", (answer) => {
          if (answer.statusCode !== 200) {
            void readAll(answer).then((text) =>
              reject(new Error(`HTTP ${answer.statusCode}: ${text.slice(0, 300)}`)),
            );
            return;
          }
          const codes: number[] = [];
          let pending = "";
          answer.setEncoding("utf8");
          answer.on("data", (chunk: string) => {
            const lines = (pending + chunk).split("\n");
            pending = lines.pop() ?? "";
            for (const line of lines)
              if (line.trim() !== "") codes.push((JSON.parse(line) as { error_code: number }).error_code);
          });
          answer.on("end", () => resolve(codes));
          answer.on("error", reject);
        });
        void (async () => {
          let chunk = "";
          for (const record of records) {
            chunk += `${record}\n`;
            if (chunk.length < chunkBytes) continue;
            if (!outgoing.write(chunk)) await new Promise((drained) => outgoing.once("drain", drained));
            chunk = "";
          }
          outgoing.end(chunk);
        })().catch(reject);
      }),

    close: () => agent.destroy(),
  };
}

async function readAll(answer: IncomingMessage): Promise<string> {
  answer.setEncoding("utf8");
  let text = "";
  for await (const chunk of answer) text += chunk as string;
  return text;
}

export interface V2Read {
  records: number;
  requests: number;
  /** Error answers before the first records (while the group formed), each one's body. */
  failures: string[];
  /** From the subscription to the first answer with records (the group join). */
  firstRecordsMs: number;
  /** From the subscription to the last record, the join included. */
  seconds: number;
}

/**
 * Creates an instance of `format` in `group`, subscribes it to `topic`, reads GET …/records until
 * `expected` records arrived (or `withinMs` passed), then deletes the instance.
 */
export async function v2ReadAll(
  client: RestClient,
  group: string,
  format: "binary" | "json",
  topic: string,
  expected: number,
  withinMs = 60_000,
): Promise<V2Read> {
  const created = await client.call(
    "POST",
    `/consumers/${group}`,
    { name: `bench-${format}`, format, "auto.offset.reset": "earliest", "auto.commit.enable": "false" },
    { "Content-Type": V2 },
  );
  if (created.status !== 200)
    throw new Error(`creating the instance: HTTP ${created.status} ${created.text}`);
  const path = new URL((JSON.parse(created.text) as { base_uri: string }).base_uri).pathname;
  try {
    const subscribed = await client.call(
      "POST",
      `${path}/subscription`,
      { topics: [topic] },
      { "Content-Type": V2 },
    );
    if (subscribed.status !== 204)
      throw new Error(`subscribing: HTTP ${subscribed.status} ${subscribed.text}`);
    const accept = { Accept: `application/vnd.kafka.${format}.v2+json` };
    const began = performance.now();
    let first = 0;
    let records = 0;
    let requests = 0;
    const failures: string[] = [];
    while (records < expected && performance.now() - began < withinMs) {
      const answer = await client.call("GET", `${path}/records?timeout=1000`, undefined, accept);
      requests++;
      // While the group forms (a fresh broker's coordinator loads) an error is answered once and the
      // next poll joins again: a client polls on, as Confluent's Java consumers retry inside.
      if (answer.status >= 500 && first === 0) {
        failures.push(answer.text.slice(0, 200));
        continue;
      }
      if (answer.status !== 200)
        throw new Error(`reading: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
      const read = (JSON.parse(answer.text) as unknown[]).length;
      if (read > 0 && first === 0) first = performance.now();
      records += read;
    }
    const end = performance.now();
    return {
      records,
      requests,
      failures,
      firstRecordsMs: (first || end) - began,
      seconds: (end - began) / 1000,
    };
  } finally {
    await client.call("DELETE", path, undefined, { "Content-Type": V2 }).catch(() => undefined);
  }
}
