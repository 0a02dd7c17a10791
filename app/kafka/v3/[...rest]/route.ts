// GET|POST|PUT|PATCH|DELETE /kafka/v3/… (and /v3/…) that no route serves – Confluent's 404 {"error_code": 404, "message"} instead of an HTML page (viewer)
import { confluentNotFound, confluentRoute } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

const notServed = confluentRoute({ permission: "cluster.view" }, async (request) =>
  confluentNotFound(
    404,
    `${request.method} ${new URL(request.url).pathname} is not a Confluent REST v3 resource the console serves.`,
  ),
);

export const GET = notServed;
export const POST = notServed;
export const PUT = notServed;
export const PATCH = notServed;
export const DELETE = notServed;
