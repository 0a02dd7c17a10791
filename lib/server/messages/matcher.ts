import "server-only";

// Placeholder with the agreed interface; the filters work replaces it (structured filters + QuickJS sandbox).
import type { FilterFailure, FilterSyntaxError } from "@/lib/messages/events";
import type { MessageQuery } from "@/lib/schemas/messages";

export interface FilterableRecord {
  partition: number;
  offset: bigint;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer | null, Buffer | null][];
}

export interface MatchBatchResult {
  matches: boolean[];
  failures: FilterFailure[];
  fatal?: FilterFailure;
}

export interface MessageMatcher {
  readonly active: boolean;
  match(records: FilterableRecord[]): MatchBatchResult;
  dispose(): void;
}

export async function createMessageMatcher(
  query: MessageQuery,
): Promise<{ ok: true; matcher: MessageMatcher } | { ok: false; error: FilterSyntaxError }> {
  const filtered = Boolean(
    query.key ?? query.header ?? query.value ?? query.jsonPath ?? query.js ?? query.from ?? query.to,
  );
  if (filtered) return { ok: false, error: { field: "js", message: "Filters are not available yet" } };
  return {
    ok: true,
    matcher: {
      active: false,
      match: (records) => ({ matches: records.map(() => true), failures: [] }),
      dispose: () => {},
    },
  };
}
