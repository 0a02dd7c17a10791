// A stand-in for guardedRoute in route tests (vi.mock of "@/lib/server/auth"): authentication is
// stubbed (the guard is tested in lib/server/auth, e2e/guards.spec.ts proves 401 and 403); the params,
// query and body are checked as the real guard checks them.
import { parseRouteInput, type RouteContext, type RouteSpec } from "@/lib/server/http/route-input";

/** The caller handed to the handler: one fixed principal, or one read from each request. */
export type StubCaller = object | ((request: Request) => object);

export function stubGuardedRoute(caller: StubCaller) {
  return (
      spec: RouteSpec<unknown, unknown, unknown>,
      handler: (request: Request, input: object) => Promise<Response>,
    ) =>
    async (request: Request, context: RouteContext) => {
      const input = await parseRouteInput(request, context, spec);
      if (input instanceof Response) return input;
      const principal = typeof caller === "function" ? caller(request) : caller;
      return handler(request, { ...input, principal });
    };
}
