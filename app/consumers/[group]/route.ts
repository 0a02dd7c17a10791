// POST /consumers/{group} – Confluent REST v2: create a consumer instance in the group, answer its instance_id and base_uri (operator)
import { z } from "zod";

import { consumerRegistry, instanceBaseUri } from "@/lib/server/confluent-v2/consumers";
import { groupParams, v2Json, v2Operation } from "@/lib/server/confluent-v2/route";
import { confluentRoute } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

// Confluent sends the settings as strings too ("true"); "none" and avro/jsonschema/protobuf are not served.
const createBody = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, "1-100 letters, digits, dots, dashes and underscores")
    .optional(),
  format: z.enum(["json", "binary", "string"]).default("binary"),
  "auto.offset.reset": z.enum(["earliest", "latest"]).default("latest"),
  "auto.commit.enable": z
    .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
    .default(true),
  "fetch.min.bytes": z.union([z.number(), z.string()]).optional(),
  "consumer.request.timeout.ms": z.union([z.number(), z.string()]).optional(),
});

export const POST = confluentRoute(
  { permission: "consumer.instance", params: groupParams, body: { schema: createBody, empty: {} } },
  async (request, { params: { group }, body, principal }) =>
    v2Operation(
      async () => {
        const instance = consumerRegistry().create({
          group,
          name: body.name,
          options: {
            format: body.format,
            autoOffsetReset: body["auto.offset.reset"],
            autoCommit: body["auto.commit.enable"],
          },
          holder: principal,
        });
        return v2Json(request, {
          instance_id: instance.name,
          base_uri: instanceBaseUri(request, group, instance.name),
        });
      },
      {
        principal,
        action: "consumer.create",
        target: `${group}/${body.name ?? "(generated)"}`,
        details: {
          format: body.format,
          autoOffsetReset: body["auto.offset.reset"],
          autoCommit: body["auto.commit.enable"],
        },
      },
    ),
);
