// The replicas spec's HTTP calls: sign-in and token creation through the console's server actions
// (as the browser sends them), REST with a token or a session cookie, chosen per replica.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import { serverActionId } from "./server-action";

const SESSION_COOKIE = "kc_session";

/** A client with no cookies of its own; headers (a token, a cookie) are given per call. */
export function client(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ storageState: { cookies: [], origins: [] }, maxRedirects: 0 });
}

function actionHeaders(baseURL: string, action: string): Record<string, string> {
  return { Origin: baseURL, Accept: "text/x-component", "Next-Action": serverActionId(action) };
}

export interface SignInAnswer {
  /** `kc_session=…` for a Cookie header, when the sign-in succeeded. */
  cookie: string | undefined;
  /** The RSC payload: an ActionResult's JSON when refused. */
  body: string;
}

/** The sign-in form's action, its FormData encoded as React sends it. */
export async function signInOver(
  http: APIRequestContext,
  baseURL: string,
  username: string,
  password: string,
): Promise<SignInAnswer> {
  // A FormData keeps its order: the root ("0") last, as React sends it (an object would put "0" first).
  const form = new FormData();
  form.append("_1_username", username);
  form.append("_1_password", password);
  form.append("0", JSON.stringify([null, "$K1"]));
  const answer = await http.post(`${baseURL}/login`, {
    headers: actionHeaders(baseURL, "lib/actions/sign-in.ts#signIn"),
    multipart: form,
    failOnStatusCode: false,
  });
  const cookie = answer
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === "set-cookie")
    .map(({ value }) => value.split(";")[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1);
  return { cookie, body: await answer.text() };
}

/** A new API token's secret, made by the token page's action with an admin's session. */
export async function createTokenOver(
  http: APIRequestContext,
  baseURL: string,
  cookie: string,
  role: "viewer" | "operator" | "admin",
): Promise<string> {
  const answer = await http.post(`${baseURL}/console/admin/tokens`, {
    headers: {
      ...actionHeaders(baseURL, "lib/actions/create-api-token.ts#createApiToken"),
      "Content-Type": "text/plain;charset=UTF-8",
      Cookie: cookie,
    },
    data: JSON.stringify([null, { name: `replicas-${role}-${Date.now()}`, role }]),
  });
  const body = await answer.text();
  const secret = /"secret":"(kc_[A-Za-z0-9]+_[A-Za-z0-9_-]+)"/.exec(body)?.[1];
  if (!secret) throw new Error(`No token in the answer (${answer.status()}): ${body.slice(0, 300)}`);
  return secret;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Every certificate in the inventory, page after page (newest first). */
export async function inventorySerials(
  http: APIRequestContext,
  baseURL: string,
  token: string,
): Promise<string[]> {
  const serials: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const answer = await http.get(`${baseURL}/api/v1/certificates?limit=200${query}`, {
      headers: bearer(token),
    });
    if (answer.status() !== 200) throw new Error(`inventory: ${answer.status()} ${await answer.text()}`);
    const page = (await answer.json()) as {
      certificates: { serialNumber: string }[];
      nextCursor: string | null;
    };
    serials.push(...page.certificates.map(({ serialNumber }) => serialNumber));
    cursor = page.nextCursor;
  } while (cursor);
  return serials;
}

/** The audit trail's events of one action, through the export route. */
export async function auditTargets(
  http: APIRequestContext,
  baseURL: string,
  token: string,
  action: string,
): Promise<string[]> {
  const answer = await http.get(
    `${baseURL}/api/v1/audit?format=ndjson&action=${encodeURIComponent(action)}`,
    {
      headers: bearer(token),
    },
  );
  if (answer.status() !== 200) throw new Error(`audit: ${answer.status()} ${await answer.text()}`);
  return (await answer.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { target: string | null }).target ?? "");
}
