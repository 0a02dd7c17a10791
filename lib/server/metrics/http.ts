// Counting requests for every route without touching each handler: guardedRoute and confluentRoute
// pass their handlers through measured(). The route label is the handler's pattern, rebuilt from the
// URL and the params Next matched (/api/v1/clusters/[cluster]/topics/[topic]), never the raw path, so
// topic names and ids cannot grow the label set; past ROUTE_LIMIT patterns, "other".
import { httpMetrics, type HttpMetrics } from "./registry";

export const ROUTE_LIMIT = 300;
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

type Params = Record<string, string | string[] | undefined>;
type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * The path with each dynamic segment replaced by [name] ([...name] for a catch-all), from left to
 * right. A segment that is not a param's value stays as it is: it is part of the route's folders.
 */
export function routePattern(pathname: string, params: Params | undefined): string {
  const segments = pathname.split("/");
  let from = 1;
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    const parts = Array.isArray(value) ? value : [value];
    if (parts.length === 0) continue;
    const first = indexOfSegment(segments, parts[0] ?? "", from);
    if (first < 0) continue;
    const marker = Array.isArray(value) ? `[...${name}]` : `[${name}]`;
    segments.splice(first, parts.length, marker);
    from = first + 1;
  }
  return segments.join("/") || "/";
}

function indexOfSegment(segments: string[], value: string, from: number): number {
  for (let index = from; index < segments.length; index += 1) {
    const segment = segments[index] ?? "";
    if (segment === value || safeDecode(segment) === value) return index;
  }
  return -1;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The label for a pattern: itself while fewer than ROUTE_LIMIT are known, else "other". */
export function boundedRoute(metrics: Pick<HttpMetrics, "routes">, pattern: string): string {
  if (metrics.routes.has(pattern)) return pattern;
  if (metrics.routes.size >= ROUTE_LIMIT) return "other";
  metrics.routes.add(pattern);
  return pattern;
}

export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : "OTHER";
}

/** Records one answered request; never throws (metrics must not break a response). */
export function recordRequest(
  request: Request,
  params: Params | undefined,
  status: number,
  seconds: number,
  metrics: HttpMetrics = httpMetrics(),
): void {
  try {
    const route = boundedRoute(metrics, routePattern(new URL(request.url).pathname, params));
    const method = methodLabel(request.method);
    metrics.requests.inc({ method, route, status: String(status) });
    metrics.duration.observe({ method, route }, seconds);
  } catch {
    // A metric is not worth a failed request.
  }
}

/** The handler, counted: status and time to its response, under its route pattern. */
export function measured<C extends { params?: Promise<Params> | Params }>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const started = performance.now();
    let status = 500;
    try {
      const response = await handler(request, context);
      status = response.status;
      return response;
    } finally {
      const params = await Promise.resolve(context?.params).catch(() => undefined);
      recordRequest(request, params, status, (performance.now() - started) / 1000);
    }
  };
}
