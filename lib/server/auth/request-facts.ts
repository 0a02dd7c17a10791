// Facts about the current request that auth and the audit trail need, read from headers only:
// server.mjs puts the socket's address in x-console-socket-address (replacing anything a client
// sent under that name) and a request id in x-request-id.

export const SOCKET_ADDRESS_HEADER = "x-console-socket-address";
export const REQUEST_ID_HEADER = "x-request-id";

export interface RequestFacts {
  clientAddress: string | null;
  requestId: string | null;
  userAgent: string | null;
}

interface HeaderSource {
  get(name: string): string | null;
}

export function requestFacts(headers: HeaderSource, options: { trustProxy: boolean }): RequestFacts {
  const forwarded = options.trustProxy ? firstForwardedHop(headers.get("x-forwarded-for")) : null;
  const socket = headers.get(SOCKET_ADDRESS_HEADER);
  return {
    clientAddress: normalizeAddress(forwarded ?? socket),
    requestId: cleanRequestId(headers.get(REQUEST_ID_HEADER)),
    userAgent: headers.get("user-agent")?.slice(0, 256) ?? null,
  };
}

/** The left-most hop is the client as the first proxy saw it; the others are proxies. */
function firstForwardedHop(header: string | null): string | null {
  const first = header?.split(",")[0]?.trim();
  return first ? first : null;
}

/** IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d; audit them as a.b.c.d. */
export function normalizeAddress(address: string | null): string | null {
  if (!address) return null;
  const trimmed = address.trim();
  // Only characters an IP address (v4, v6, with zone) can hold: a forwarded header is client-controlled text.
  if (!/^[0-9A-Za-z.:%[\]-]{1,64}$/.test(trimmed)) return null;
  const bare = trimmed.replace(/^\[(.*)\]$/, "$1");
  return bare.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1");
}

function cleanRequestId(value: string | null): string | null {
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : null;
}

/**
 * Whether a state-changing request came from our own pages. Browsers send Origin on every
 * cross-site and on same-site POST/PUT/PATCH/DELETE, and Sec-Fetch-Site on every request; a
 * request with neither is not from a browser page and must carry a token instead of the cookie.
 * The Origin's host is compared with the Host the request was sent to, or, only when
 * `server.trustProxy` says a proxy writes it, X-Forwarded-Host: otherwise that header is the
 * client's own text, and a page elsewhere could name its origin in it. (server.mjs also deletes
 * it then, for Next's server-action check, which reads it too.)
 */
export function isSameOriginRequest(headers: HeaderSource, options: { trustProxy: boolean }): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin === null || origin === "null") return fetchSite === "same-origin";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = options.trustProxy ? headers.get("x-forwarded-host") : null;
  const requestHost = (forwarded ?? headers.get("host"))?.split(",")[0]?.trim();
  return requestHost !== undefined && originHost.toLowerCase() === requestHost.toLowerCase();
}
