// Reads a JSON request body with a size limit, before any parsing: the declared Content-Length is
// checked first, then the bytes actually received (a client may lie or send chunked).

/** 1 MiB: far more than any certificate request or CSR needs. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyProblem =
  | { code: "PAYLOAD_TOO_LARGE"; status: 413; message: string }
  | { code: "MALFORMED_JSON"; status: 400; message: string };

export type JsonBodyResult = { ok: true; body: unknown } | { ok: false; problem: BodyProblem };

const tooLarge = (limit: number): BodyProblem => ({
  code: "PAYLOAD_TOO_LARGE",
  status: 413,
  message: `The request body is larger than ${limit} bytes (1 MiB); nothing was parsed.`,
});

/** The body's bytes, or null once they pass the limit (the rest is not read). */
export async function readLimitedBytes(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The parsed JSON body, 413 over the limit, 400 for bytes that are not UTF-8 JSON. With `empty`, a
 * body without bytes stands for that value (a revocation with no reason given, say).
 */
export async function readJsonBody(
  request: Request,
  options: { limit?: number; empty?: unknown } = {},
): Promise<JsonBodyResult> {
  const limit = options.limit ?? MAX_BODY_BYTES;
  const bytes = await readLimitedBytes(request, limit);
  if (bytes === null) return { ok: false, problem: tooLarge(limit) };
  if (bytes.byteLength === 0 && options.empty !== undefined) return { ok: true, body: options.empty };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    return {
      ok: false,
      problem: {
        code: "MALFORMED_JSON",
        status: 400,
        message: `The request body is not valid JSON${detail}. Send Content-Type: application/json.`,
      },
    };
  }
}
