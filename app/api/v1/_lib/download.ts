// File downloads from route handlers: the content type the file's consumers expect and a file name.

export const PEM_CONTENT_TYPE = "application/x-pem-file";
export const CRL_CONTENT_TYPE = "application/pkix-crl";

export function downloadResponse(
  body: string | Uint8Array,
  options: { contentType: string; fileName: string; cacheSeconds?: number },
): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": options.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${options.fileName}"`,
      "Cache-Control":
        options.cacheSeconds === undefined ? "no-store" : `public, max-age=${options.cacheSeconds}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
