import "server-only";

// The OpenAPI paths and schema of the throughput history: a cluster's and a topic's messages/s and
// bytes/s over time, from the console's store (no JMX: the sampler reads high watermarks and log sizes).
import { LAG_HISTORY_RANGES } from "@/lib/schemas/lag-history";
import { throughputSchema } from "@/lib/schemas/throughput";

import { pathParameters, type JsonSchema, type OpenApiBuilders } from "./openapi-parts";

const rangeParameter = {
  name: "range",
  in: "query",
  required: false,
  schema: { type: "string", enum: [...LAG_HISTORY_RANGES], default: "1h" },
  description: "How far back: 1h (every sample), 24h (5-minute buckets) or 7d (hourly buckets)",
};

const DESCRIPTION =
  "From the console's store, which the sampler fills every lagHistory.intervalSeconds (lagHistory.throughput: true) with what each topic produced since its previous round: high watermarks' growth (ListOffsets) and the leaders' log sizes' growth (DescribeLogDirs), internal topics left out. A bucket's rate is its mean; peak* is its busiest interval. No points: fewer than two rounds so far, or the sampler is off (sampler.enabled).";

export function throughputSchemas({
  jsonSchema,
}: Pick<OpenApiBuilders, "jsonSchema">): Record<string, JsonSchema> {
  return { Throughput: jsonSchema(throughputSchema, "output") };
}

export function throughputPaths({
  answer,
  problem,
  readErrors,
}: OpenApiBuilders): Record<string, JsonSchema> {
  const responses = {
    "200": answer("The points, oldest first", "Throughput"),
    ...readErrors,
    "404": problem("No such cluster is configured"),
    "422": problem("Invalid range"),
  };
  return {
    "/api/v1/clusters/{cluster}/throughput": {
      get: {
        summary: "The cluster's messages/s and bytes/s over time (viewer)",
        description: DESCRIPTION,
        parameters: [...pathParameters("cluster"), rangeParameter],
        responses,
      },
    },
    "/api/v1/clusters/{cluster}/topics/{topic}/throughput": {
      get: {
        summary: "A topic's messages/s and bytes/s over time (viewer)",
        description: `${DESCRIPTION} A topic deleted keeps its history until it ages out; a topic never seen answers points of 0 at every sampled time.`,
        parameters: [...pathParameters("cluster", "topic"), rangeParameter],
        responses,
      },
    },
  };
}
