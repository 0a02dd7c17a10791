// GET /api/v1/certificates/name-check?commonName= – before issuing: would the CN be refused, and who already goes by it (operator)
import { z } from "zod";

import { commonNameSchema } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";

export const dynamic = "force-dynamic";

// Wider than a CN on purpose: a name too long or malformed is answered as a refusal, not a 422.
const querySchema = z.object({ commonName: z.string().min(1).max(1024) });

export const GET = guardedRoute(
  { permission: "certificate.issue", query: querySchema },
  async (_request, { query, principal }) => {
    const { commonName } = query;
    const shape = commonNameSchema.safeParse(commonName);
    const check = await ca.checkCommonNameUse(commonName, principal);
    const answer =
      shape.success || check.refusal
        ? check
        : { ...check, refusal: { status: 422, message: shape.error.issues[0]?.message ?? "Not a valid CN" } };
    return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
  },
);
