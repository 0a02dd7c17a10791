// GET /api/v1/certificates/name-check?commonName= – before issuing: would the CN be refused, and who already goes by it (operator)
import { z } from "zod";

import { commonNameSchema } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";

import { validationError } from "@/lib/api-errors";

export const dynamic = "force-dynamic";

// Wider than a CN on purpose: a name too long or malformed is answered as a refusal, not a 422.
const querySchema = z.object({ commonName: z.string().min(1).max(1024) });

export const GET = guardedRoute<{ params: Promise<Record<string, never>> }>(
  { role: "operator" },
  async (request, { principal }) => {
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return validationError(query.error);
    const { commonName } = query.data;
    const shape = commonNameSchema.safeParse(commonName);
    const check = await ca.checkCommonNameUse(commonName, principal);
    const answer =
      shape.success || check.refusal
        ? check
        : { ...check, refusal: { status: 422, message: shape.error.issues[0]?.message ?? "Not a valid CN" } };
    return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
  },
);
