import { describe, expect, it } from "vitest";
import {
  bytesToBase64,
  decodePayload,
  detectKind,
  hexDump,
  previewPayload,
  searchableText,
  visibleControls,
} from "./decode";
import type { WirePayload } from "./events";

const text = (value: string): WirePayload => ({ size: value.length, text: value });
const binary = (bytes: number[]): WirePayload => ({
  size: bytes.length,
  base64: bytesToBase64(new Uint8Array(bytes)),
});

describe("detectKind", () => {
  it("tells JSON, text and binary apart", () => {
    expect(detectKind(text('{"device_id":"4412abe2"}'))).toBe("json");
    expect(detectKind(text("hello world"))).toBe("text");
    expect(detectKind(binary([0xff, 0xfe, 0x00, 0x01]))).toBe("binary");
  });

  it("treats base64 bytes that are valid UTF-8 without control characters as text", () => {
    expect(detectKind(binary([...new TextEncoder().encode("héllo")]))).toBe("text");
    expect(detectKind(binary([0x68, 0x00, 0x69]))).toBe("binary");
  });
});

describe("decodePayload", () => {
  it("pretty-prints JSON and keeps the parsed value for the tree", () => {
    const decoded = decodePayload(text('{"a":[1,2]}'), "auto");
    expect(decoded.shownAs).toBe("json");
    expect(decoded.text).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(decoded.json).toEqual({ value: { a: [1, 2] } });
  });

  it("falls back with a note when JSON is forced on text", () => {
    const decoded = decodePayload(text("not json"), "json");
    expect(decoded).toMatchObject({ shownAs: "text", text: "not json", note: "Not valid JSON" });
  });

  it("shows invalid UTF-8 as text with replacement characters when asked", () => {
    const decoded = decodePayload(binary([0x61, 0xff, 0x62]), "text");
    expect(decoded.text).toBe("a\uFFFDb");
    expect(decoded.note).toMatch(/UTF-8/);
  });

  it("shows binary as a hex dump automatically, and base64 on request", () => {
    expect(decodePayload(binary([0xde, 0xad, 0xbe, 0xef]), "auto")).toEqual({
      shownAs: "hex",
      text: hexDump(new Uint8Array([0xde, 0xad, 0xbe, 0xef])),
    });
    expect(decodePayload(text("hi"), "base64").text).toBe("aGk=");
    expect(decodePayload(text("hi"), "hex").text).toMatch(/^00000000: 6869/);
  });

  it("keeps HTML as plain text", () => {
    const decoded = decodePayload(text("<script>alert(1)</script>"), "auto");
    expect(decoded).toEqual({ shownAs: "text", text: "<script>alert(1)</script>" });
  });
});

describe("hexDump", () => {
  it("lays out offset, hex pairs and ASCII like xxd", () => {
    const bytes = new TextEncoder().encode("Hello, world!\n\x00\x01ABC");
    expect(hexDump(bytes).split("\n")).toEqual([
      "00000000: 4865 6c6c 6f2c 2077 6f72 6c64 210a 0001  Hello, world!...",
      "00000010: 4142 43                                  ABC",
    ]);
  });

  it("stops at the limit and says how much it left out", () => {
    const dump = hexDump(new Uint8Array(40), 32);
    expect(dump.split("\n")).toHaveLength(3);
    expect(dump).toMatch(/8 more bytes not shown$/);
  });
});

describe("previewPayload", () => {
  it("compacts JSON and makes control characters visible on one line", () => {
    expect(previewPayload(text('{\n  "a": 1\n}'), "auto")).toBe('{"a":1}');
    expect(previewPayload(text("a\nb\tc"), "auto")).toBe("a␊b␉c");
  });

  it("truncates long values with an ellipsis", () => {
    const preview = previewPayload(text("x".repeat(500)), "auto", 20);
    expect(preview).toHaveLength(20);
    expect(preview.endsWith("…")).toBe(true);
  });

  it("previews binary as hex bytes, and null as empty", () => {
    expect(previewPayload(binary([0x00, 0xff]), "auto")).toBe("00 ff");
    expect(previewPayload(null, "auto")).toBe("");
  });
});

describe("helpers", () => {
  it("searchableText prefers UTF-8 and falls back to base64", () => {
    expect(searchableText(text("abc"))).toBe("abc");
    expect(searchableText(binary([0xff]))).toBe("/w==");
  });

  it("visibleControls maps C0 controls and DEL", () => {
    expect(visibleControls("\u0000\u007f")).toBe("␀␡");
  });

  it("bytesToBase64 handles large arrays", () => {
    const bytes = new Uint8Array(200_000).fill(65);
    expect(atob(bytesToBase64(bytes))).toHaveLength(200_000);
  });
});
