// Message search and single-record reads: fetched straight from the partition leaders, never as a group.
export { searchMessages, startSearch, type SearchOptions, type SearchStart } from "./search";
export { fetchFullRecord, readFullRecord } from "./full-record";
