// Calls a server action over raw HTTP, as a browser's fetch would, but from a chosen loopback
// address and with chosen headers: what the auth specs need to play an attacker elsewhere.
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

/** The build's id for `file#exportName`, e.g. "lib/actions/sign-in.ts#signIn". */
export function serverActionId(key: string): string {
  const manifest = JSON.parse(
    readFileSync(join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => `${entry.filename}#${entry.exportedName}` === key,
  );
  if (!found) throw new Error(`No server action ${key} in the build`);
  return found[0];
}

export interface ActionCall {
  baseURL: string;
  /** The page that bundles the action, e.g. "/login". */
  page: string;
  actionId: string;
  /** The action's arguments after the previous state; a FormData travels as React encodes one. */
  argument: FormData | Record<string, unknown>;
  /** A 127.0.0.0/8 address other than 127.0.0.1 is another client as far as the console can tell. */
  localAddress?: string;
  headers?: Record<string, string>;
}

/** Status and body (the RSC payload, which holds the ActionResult as JSON). */
export async function callServerAction(call: ActionCall): Promise<{ status: number; body: string }> {
  let payload: Response;
  if (call.argument instanceof FormData) {
    // React's reply encoding (the version Next 16 bundles): the arguments as JSON, a FormData as
    // "$K1" with its fields named "_1_<name>". The root ("0") comes last, as React sends it.
    const form = new FormData();
    for (const [name, value] of call.argument.entries()) form.append(`_1_${name}`, value);
    form.append("0", JSON.stringify([null, "$K1"]));
    payload = new Response(form);
  } else {
    payload = new Response(JSON.stringify([null, call.argument]), {
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
    });
  }
  const body = Buffer.from(await payload.arrayBuffer());
  const url = new URL(call.page, call.baseURL);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      url,
      {
        method: "POST",
        localAddress: call.localAddress,
        headers: {
          Origin: call.baseURL,
          Accept: "text/x-component",
          "Next-Action": call.actionId,
          "Content-Type": payload.headers.get("content-type") ?? "text/plain",
          "Content-Length": String(body.length),
          ...call.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    sent.on("error", reject);
    sent.end(body);
  });
}
