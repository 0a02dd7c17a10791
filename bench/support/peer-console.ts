// The side-by-side peer: a Redpanda Console the user runs against the same cluster, reached through
// its Connect API (ConsoleService/ListMessages, server streaming, JSON codec). Nothing of it is
// vendored: the request is a few fields of its published ListMessagesRequest, the envelope is the
// Connect protocol's (one flag byte, a 4-byte big-endian length, the JSON message).
import { readFileSync } from "node:fs";

export interface PeerConsole {
  url: string;
  /** Its server's process id, when on this machine: CPU and RSS are then read from /proc. */
  pid: number | null;
}

/** BENCH_PEER_URL (e.g. http://127.0.0.1:8080) and optionally BENCH_PEER_PID; null: skipped. */
export function peerConsoleFromEnv(env = process.env): PeerConsole | null {
  const url = env.BENCH_PEER_URL?.replace(/\/+$/, "");
  if (!url) return null;
  const pid = Number(env.BENCH_PEER_PID);
  return { url, pid: Number.isInteger(pid) && pid > 0 ? pid : null };
}

const LIST_MESSAGES = "/redpanda.api.console.v1alpha1.ConsoleService/ListMessages";
const OLDEST = "-2";
const END_STREAM = 0x02;

export interface PeerScan {
  seconds: number;
  scanned: number;
  matched: number;
  /** Milliseconds from the request to the first matching message. */
  firstMatchMs: number | null;
  /** The peer's server CPU during the scan (from /proc), when its pid is known. */
  cpuSeconds: number | null;
  peakRssMB: number | null;
}

/** A full scan from the oldest offsets with a JavaScript filter, as its message viewer runs one. */
export async function peerScan(peer: PeerConsole, topic: string, filterCode: string, maxResults: number) {
  const body = JSON.stringify({
    topic,
    startOffset: OLDEST,
    partitionId: -1,
    maxResults,
    filterInterpreterCode: Buffer.from(filterCode).toString("base64"),
  });
  const envelope = Buffer.alloc(5 + Buffer.byteLength(body));
  envelope.writeUInt32BE(Buffer.byteLength(body), 1);
  envelope.write(body, 5);
  const cpuBefore = peer.pid ? processCpuSeconds(peer.pid) : null;
  const rss = peer.pid ? sampleProcessRss(peer.pid) : null;
  const began = performance.now();
  const scan: PeerScan = {
    seconds: 0,
    scanned: 0,
    matched: 0,
    firstMatchMs: null,
    cpuSeconds: null,
    peakRssMB: null,
  };
  try {
    const response = await fetch(`${peer.url}${LIST_MESSAGES}`, {
      method: "POST",
      headers: { "content-type": "application/connect+json", "connect-protocol-version": "1" },
      body: envelope,
    });
    if (!response.ok || !response.body) throw new Error(`peer answered HTTP ${response.status}`);
    for await (const frame of envelopes(response.body)) {
      if (frame.flags & END_STREAM) {
        const end = frame.message as { error?: { message?: string } };
        if (end.error) throw new Error(`peer: ${end.error.message ?? "stream error"}`);
        break;
      }
      const message = frame.message as {
        data?: unknown;
        done?: { messagesConsumed?: string };
        error?: { message?: string };
      };
      if (message.data) {
        scan.matched++;
        scan.firstMatchMs ??= performance.now() - began;
      } else if (message.done) scan.scanned = Number(message.done.messagesConsumed ?? 0);
      else if (message.error) throw new Error(`peer: ${message.error.message}`);
    }
  } finally {
    scan.seconds = (performance.now() - began) / 1000;
    scan.peakRssMB = rss?.stop() ?? null;
  }
  if (peer.pid && cpuBefore !== null) scan.cpuSeconds = processCpuSeconds(peer.pid) - cpuBefore;
  return scan;
}

async function* envelopes(body: ReadableStream<Uint8Array>) {
  let pending = Buffer.alloc(0);
  for await (const chunk of body) {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 5 && pending.length >= 5 + pending.readUInt32BE(1)) {
      const length = pending.readUInt32BE(1);
      const message: unknown = JSON.parse(pending.subarray(5, 5 + length).toString("utf8"));
      yield { flags: pending[0]!, message };
      pending = pending.subarray(5 + length);
    }
  }
}

/** User + system CPU of a process, in seconds (/proc/<pid>/stat, clock ticks of 1/100 s). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function processRssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1000;
}

/** Another process's peak RSS while sampling, every 200 ms. */
function sampleProcessRss(pid: number) {
  let peak = processRssMB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, processRssMB(pid))), 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, processRssMB(pid));
    },
  };
}
