import "server-only";

import { headers } from "next/headers";

import { REQUEST_ID_HEADER, type RequestFacts, requestFacts } from "./request-facts";
import { authSettings } from "./settings";

const OUTSIDE_A_REQUEST: RequestFacts = { clientAddress: null, requestId: null, userAgent: null };

/** Client address, request id and user agent of the current request; all null outside one (start-up, scripts). */
export async function currentRequestFacts(): Promise<RequestFacts> {
  let headerList: Headers;
  try {
    headerList = await headers();
  } catch {
    return OUTSIDE_A_REQUEST;
  }
  return requestFacts(headerList, { trustProxy: authSettings().trustProxy });
}

/** The path and query the browser asked for, as the proxy recorded it; for `/login?next=`. */
export async function currentPath(): Promise<string | null> {
  try {
    return (await headers()).get("x-pathname");
  } catch {
    return null;
  }
}

/** The request id alone, for log lines written when something went wrong (no configuration needed). */
export async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}
