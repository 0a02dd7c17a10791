// One request sent the way the client sends its own, where its Admin API does not serve the console:
// through the client's exported connection, version negotiation and retry hooks. Used for Metadata
// with internal topics, ApiVersions with features, ListOffsets to each leader, the group requests to
// each coordinator, and the console's own codecs (share groups) that the client does not implement.
import {
  kGetApi,
  kGetBootstrapConnection,
  kGetConnection,
  kPerformWithRetry,
  type Admin,
  type Callback,
  type Connection,
} from "@platformatic/kafka";

type RawApi = (connection: Connection, ...args: unknown[]) => void;

export interface RawRequest<Response> {
  /** The client's name for the API ("Metadata", "ListOffsets"), or the console's own codec (createAPI). */
  api: string | { name: string; codec: unknown };
  /** The API's arguments after the connection, without the callback. */
  args: unknown[];
  /** A broker to ask; absent: the bootstrap connection. */
  broker?: { host: string; port: number };
  /**
   * A failed answer that is still usable (its errors are per topic, partition or group only): the
   * answer to keep instead of failing, as the client's own APIs would not.
   */
  keepPartial?: (error: Error) => Response | undefined;
}

export function sendRaw<Response>(admin: Admin, request: RawRequest<Response>): Promise<Response> {
  const name = typeof request.api === "string" ? request.api : request.api.name;
  return new Promise((resolve, reject) => {
    admin[kPerformWithRetry]<Response>(
      `console-${name}`,
      (retryCallback, attempt) => {
        const withConnection = (then: Callback<Connection>) =>
          request.broker
            ? admin[kGetConnection](request.broker, then)
            : admin[kGetBootstrapConnection](then, attempt);
        withConnection((error, connection) => {
          if (error || !connection) return retryCallback(error ?? new Error(`No connection for ${name}.`));
          const withApi = (then: (apiError: Error | null, api?: unknown) => void) =>
            typeof request.api === "string"
              ? admin[kGetApi]<unknown[], Response>(request.api, then)
              : then(null, request.api.codec);
          withApi((apiError, api) => {
            if (apiError || !api) return retryCallback(apiError ?? new Error(`No ${name} API.`));
            const callback: Callback<Response> = (responseError, response) => {
              const partial = responseError ? request.keepPartial?.(responseError) : undefined;
              retryCallback(partial ? null : responseError, partial ?? response);
            };
            (api as unknown as RawApi)(connection, ...request.args, callback);
          });
        });
      },
      (error, answer) =>
        error || !answer ? reject(error ?? new Error(`Empty ${name} answer.`)) : resolve(answer),
    );
  });
}

/** The response a ResponseError carries when every one of its errors sits under `prefix` ("/topics/"). */
export function responseWithErrorsUnder<Response>(prefix: string, error: Error): Response | undefined {
  if (!("response" in error) || !("errors" in error) || !Array.isArray(error.errors)) return undefined;
  const contained = error.errors.every(
    (inner: unknown) =>
      typeof inner === "object" && inner !== null && "path" in inner && String(inner.path).startsWith(prefix),
  );
  return contained ? (error.response as Response) : undefined;
}
