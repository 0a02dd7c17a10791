import type { SearchState } from "@/lib/messages/search-state";

/** Why the table is empty: still searching, waiting for the tail, an empty topic, or no match. */
export function ResultsEmpty({
  state,
  received,
  quickSearch,
}: {
  state: SearchState;
  received: number;
  quickSearch: string;
}) {
  const topicEmpty =
    state.plan.length > 0 && state.plan.every((partition) => partition.low === partition.high);
  let title: string;
  let detail = "";
  if (received > 0 && quickSearch.trim() !== "") {
    title = "No results contain that text";
    detail = "The quick search looks at the key, the value and the headers of the results shown.";
  } else if (state.status === "idle") title = "No search yet";
  else if (state.status === "running")
    title = state.tail ? "Waiting for new messages…" : topicEmpty ? "The topic is empty" : "Searching…";
  else if (state.status === "failed") title = "No results";
  else if (topicEmpty && !state.tail) {
    title = "The topic is empty";
    detail = "No partition holds a message. Produce one, or start a live tail to watch for new ones.";
  } else {
    title = "No messages matched";
    detail = "Widen the start position, raise the maximum, or loosen the filters.";
  }
  return (
    <div className="px-5 py-12 text-center" data-testid="results-empty">
      <p className="text-sm font-medium">{title}</p>
      {detail && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{detail}</p>}
    </div>
  );
}
