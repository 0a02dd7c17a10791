"use server";

import { revalidatePath } from "next/cache";

import { brokerPath } from "@/lib/paths";
import { brokerConfigTargetSchema } from "@/lib/schemas/brokers";
import { alterConfigsSchema, type ConfigResource } from "@/lib/schemas/configs";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const guardedAlter = auth.guardedAction(
  {
    permission: "broker.configure",
    schema: brokerConfigTargetSchema.and(alterConfigsSchema),
    action: "broker.configure",
  },
  async ({ cluster, broker, ...request }, principal) => {
    const resource: ConfigResource =
      broker === "default" ? { type: "broker-default" } : { type: "broker", id: broker };
    const result = await kafka.alterConfigs(cluster, resource, request, {
      actor: principal,
      action: "broker.configure",
    });
    if (result.ok && !request.validateOnly && broker !== "default")
      revalidatePath(brokerPath(cluster, broker, "configs"));
    return result;
  },
);

/**
 * Changes a broker's dynamic configs or the cluster-wide default (admin): validateOnly answers old →
 * new without changing anything; read-only (static) configs and values Kafka refuses change nothing.
 * Audited with before and after.
 */
export async function alterBrokerConfigs(...args: Parameters<typeof guardedAlter>) {
  return guardedAlter(...args);
}
