// Message queries: paths, keys, the full-record fetcher and its hook. The search itself streams
// (components/messages/use-message-search.ts), outside react-query.
import { useQuery } from "@tanstack/react-query";
import type { WireRecord } from "@/lib/messages/events";

export const messageKeys = {
  all: ["messages"] as const,
  record: (cluster: string, topic: string, partition: number, offset: string) =>
    [...messageKeys.all, cluster, topic, partition, offset] as const,
};

export function messagesPath(cluster: string, topic: string): string {
  return `/api/v1/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;
}

export function messageSearchUrl(cluster: string, topic: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${messagesPath(cluster, topic)}?${query}` : messagesPath(cluster, topic);
}

export function recordPath(cluster: string, topic: string, partition: number, offset: string): string {
  return `${messagesPath(cluster, topic)}/${partition}/${encodeURIComponent(offset)}`;
}

interface RestError {
  error?: { code?: string; message?: string };
}

/** One record without the preview limit; throws with the server's message when it cannot. */
export async function fetchFullRecord(
  cluster: string,
  topic: string,
  partition: number,
  offset: string,
  signal?: AbortSignal,
): Promise<WireRecord> {
  const response = await fetch(recordPath(cluster, topic, partition, offset), {
    signal,
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  const body = (await response.json().catch(() => ({}))) as { record?: WireRecord } & RestError;
  if (response.status === 404)
    throw new Error(body.error?.message ?? "The message is gone: it may have been deleted by retention.");
  if (!response.ok || !body.record)
    throw new Error(body.error?.message ?? `Loading the message failed (HTTP ${response.status}).`);
  return body.record;
}

/** The full record, fetched only once `enabled` (the user asked to load the full value). */
export function useFullRecord(
  cluster: string,
  topic: string,
  record: Pick<WireRecord, "partition" | "offset">,
  enabled: boolean,
) {
  return useQuery({
    queryKey: messageKeys.record(cluster, topic, record.partition, record.offset),
    queryFn: ({ signal }) => fetchFullRecord(cluster, topic, record.partition, record.offset, signal),
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}
