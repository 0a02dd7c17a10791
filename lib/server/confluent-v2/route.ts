import "server-only";

// What every v2 consumer route shares: the Confluent route wrapper (guard, consumer.instance
// permission, Confluent's error shape), the group and instance params, the caller as the instance's
// holder, and refusals (ConsumerV2Error) and Kafka failures answered as Confluent errors.
import { z } from "zod";

import { type Principal, recordAudit } from "@/lib/server/auth";
import { confluentError, confluentFailure } from "@/lib/server/confluent";
import * as kafka from "@/lib/server/kafka";

import { ConsumerV2Error } from "./consumer-types";

export const groupParams = z.object({ group: z.string().min(1).max(255) });
export const instanceParams = z.object({
  group: z.string().min(1).max(255),
  instance: z.string().min(1).max(255),
});

/** The v2 content type answered when the client did not ask for a specific one. */
export const V2_CONTENT_TYPE = "application/vnd.kafka.v2+json";

/** The type the client asked for (Accept, else Content-Type) when it is a v2 or JSON one, else the given one. */
export function v2ContentType(request: Request, fallback = V2_CONTENT_TYPE): string {
  const asked = `${request.headers.get("accept") ?? ""},${request.headers.get("content-type") ?? ""}`;
  const vendor = /application\/vnd\.kafka\.(?:json\.|binary\.|string\.)?v2\+json/i.exec(asked)?.[0];
  return vendor ? vendor.toLowerCase() : fallback;
}

export function v2Json(request: Request, body: unknown, status = 200, type?: string): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Cache-Control": "no-store", "Content-Type": type ?? v2ContentType(request) },
  });
}

export function v2NoContent(): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}

export interface V2Audit {
  principal: Principal;
  /** "consumer.create", "consumer.subscribe", "consumer.commit", "consumer.delete". */
  action: string;
  /** "<group>/<instance>". */
  target: string;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Runs an instance operation: its refusals and Kafka's failures become Confluent errors. A change
 * (audit given) is recorded with its outcome; reads are not.
 */
export async function v2Operation(run: () => Promise<Response>, audit?: V2Audit): Promise<Response> {
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    response =
      error instanceof ConsumerV2Error
        ? confluentError(error.status, error.errorCode, error.message)
        : confluentFailure(kafka.problemResult(kafka.describeKafkaError(error)));
  }
  if (audit) {
    const { principal, action, target, details } = audit;
    const outcome = response.ok ? "success" : "failure";
    await recordAudit({
      actor: principal.actor,
      action,
      target,
      outcome,
      details: { ...details, ...(response.ok ? {} : { status: response.status }) },
    });
  }
  return response;
}
