import { DynamicBuffer } from "@platformatic/dynamic-buffer";
import { describe, expect, it } from "vitest";

import { installContiguousResponses } from "./contiguous-responses";

function chunked(bytes: number[], chunkSize: number): DynamicBuffer {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize)
    chunks.push(Buffer.from(bytes.slice(at, at + chunkSize)));
  return new DynamicBuffer(chunks);
}

describe("installContiguousResponses", () => {
  installContiguousResponses();
  installContiguousResponses(); // twice is once

  // Varints that cross chunk boundaries: 300 (0xac 0x02), then 1, then 16384 (0x80 0x80 0x01).
  const bytes = [0x07, 0xac, 0x02, 0x01, 0x80, 0x80, 0x01, 0x09];

  it("joins a view over several chunks into one, with the same bytes and reads", () => {
    const view = chunked(bytes, 3).subarray(1, 7);
    expect(view.buffers).toHaveLength(1);
    expect([...view.buffer]).toEqual(bytes.slice(1, 7));
    expect(view.readUnsignedVarInt(0)).toEqual([300, 2]);
    expect(view.readUnsignedVarInt(3)).toEqual([16384, 3]);
  });

  it("keeps a view within one chunk as it is (no copy)", () => {
    const source = chunked(bytes, 4);
    const view = source.subarray(1, 3);
    expect(view.buffers[0]!.buffer).toBe(source.buffers[0]!.buffer);
    expect(view.readUnsignedVarInt(0)).toEqual([300, 2]);
  });

  it("still answers an empty view and refuses out-of-bounds ones", () => {
    expect(chunked(bytes, 3).subarray(2, 2).length).toBe(0);
    expect(() => chunked(bytes, 3).subarray(0, 99)).toThrow();
  });
});
