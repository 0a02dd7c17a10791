// A workaround for @platformatic/kafka 2.12 / @platformatic/dynamic-buffer 0.3: a response arrives
// as one DynamicBuffer chunk per socket read (≈16 KiB TLS records, so ~400 for a 6 MiB Fetch), and
// every read during parsing (each varint of each record) walks the chunk list from the start.
// Parsing a response is therefore quadratic in its size: it was most of a full scan's CPU time.
// The library takes each response (and each partition's records) with `subarray` and only reads
// from it, so a view of several chunks is joined once into one Buffer, where every read is O(1).
// Remove when the library finds chunks in constant time.
import { DynamicBuffer } from "@platformatic/dynamic-buffer";

const INSTALLED = Symbol.for("kafka-console.kafka.contiguous-responses");

type Patched = typeof DynamicBuffer.prototype & { [INSTALLED]?: true };

export function installContiguousResponses(): void {
  const prototype = DynamicBuffer.prototype as Patched;
  if (prototype[INSTALLED]) return;
  const chunkedSubarray = prototype.subarray;
  prototype.subarray = function contiguousSubarray(this: DynamicBuffer, start?: number, end?: number) {
    const view = chunkedSubarray.call(this, start, end);
    return view.buffers.length > 1 ? new DynamicBuffer(Buffer.concat(view.buffers, view.length)) : view;
  };
  prototype[INSTALLED] = true;
}
