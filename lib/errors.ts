// Expected failures are returned, not thrown: server actions answer an ActionResult, route handlers
// a JSON error body. Next.js hides thrown messages in production, so these carry the text users see.

export type ActionStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 502 | 503 | 504;

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; status: ActionStatus; fieldErrors?: Record<string, string[]> };

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function actionError<T = never>(
  status: ActionStatus,
  message: string,
  fieldErrors?: Record<string, string[]>,
): ActionResult<T> {
  return fieldErrors
    ? { ok: false, error: message, status, fieldErrors }
    : { ok: false, error: message, status };
}

/** The REST error body: `{ "error": { "code": "...", "message": "..." } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** A JSON error response for route handlers; never cached. */
export function jsonError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Response {
  const body: ApiErrorBody = { error: { code, message } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
