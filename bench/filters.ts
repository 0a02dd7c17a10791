// The search filters alone, without Kafka: records per second for each kind of filter over 1 KiB
// JSON values, as the search engine calls them (batches of 500). Compare with kcat's rate from
// `npm run bench message-search` for the structured (50%) and JavaScript (25%) targets.
import { messageQuerySchema, type MessageQueryInput } from "../lib/schemas/messages";
import { createMessageMatcher, type FilterableRecord } from "../lib/server/messages/matcher";

const RECORDS = 20_000;
/** Records per call; BENCH_BATCH=1700 is about what one 2 MiB fetch of 1 KiB messages brings. */
const BATCH = Number(process.env.BENCH_BATCH ?? 500);

function generate(): FilterableRecord[] {
  return Array.from({ length: RECORDS }, (_, seq) => {
    const value: Record<string, unknown> = {
      device_id: ((seq * 2_654_435_761) % 2 ** 32).toString(16),
      seq,
      temp: 20 + (seq % 15),
      ts: new Date(1.7e12 + seq).toISOString(),
    };
    for (let field = 0; field < 20; field++)
      value[`field_${field}`] = field % 3 ? `value-${field}-${"x".repeat(20)}` : field * 1.5;
    const text = JSON.stringify(value);
    const padded = `${text.slice(0, -1)},"pad":"${"p".repeat(Math.max(0, 1024 - text.length - 10))}"}`;
    return {
      partition: seq % 6,
      offset: BigInt(seq),
      timestamp: 1.7e12 + seq,
      key: Buffer.from(`key-${seq}`),
      value: Buffer.from(padded),
      headers: [
        [Buffer.from("content_type"), Buffer.from("application/json")],
        [Buffer.from("trace"), Buffer.from(`t-${seq}`)],
      ],
    };
  });
}

export async function benchFilters(): Promise<void> {
  const records = generate();
  const last = JSON.parse(records.at(-1)!.value!.toString()) as { device_id: string };
  const filters: Record<string, MessageQueryInput> = {
    "value contains": { value: `"seq":${RECORDS - 1},` },
    "header value": { header: "trace", headerValue: `t-${RECORDS - 1}` },
    "key regex": { key: "^key-1999\\d$", keyMode: "regex" },
    "json path (number)": { jsonPath: `$.seq == ${RECORDS - 1}` },
    "json path (string)": { jsonPath: `$.device_id == "${last.device_id}"` },
    "javascript (one property)": { js: "value.seq % 1000 === 0" },
    "javascript (whole value)": { js: 'Object.keys(value).length > 0 && value.device_id === "x"' },
    "javascript (header)": { js: `headers["trace"] === "t-${RECORDS - 1}"` },
  };
  for (const [label, input] of Object.entries(filters)) {
    const created = await createMessageMatcher(messageQuerySchema.parse(input));
    if (!created.ok) throw new Error(`${label}: ${created.error.message}`);
    const matcher = created.matcher;
    const rounds = 3;
    const began = performance.now();
    for (let round = 0; round < rounds; round++)
      for (let at = 0; at < records.length; at += BATCH) await matcher.match(records.slice(at, at + BATCH));
    const rate = (records.length * rounds) / ((performance.now() - began) / 1000);
    console.log(`${label}: ${Math.round(rate).toLocaleString("en")} records/s`);
    matcher.dispose();
  }
}
