import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { consumerGroupsPath } from "@/lib/paths";
import { GROUP_STATES, GROUP_TYPES, type GroupListQuery } from "@/lib/schemas/groups";

/**
 * Search, type, state, topic and sort as a plain GET form: the server reads them from the URL, so a list can
 * be shared and works before any script has loaded.
 */
export function GroupFilters({ cluster, query }: { cluster: string; query: GroupListQuery }) {
  const filtered = Boolean(
    query.q || query.type || query.state || query.topic || (query.sort && query.sort !== "name"),
  );
  return (
    <form
      role="search"
      action={consumerGroupsPath(cluster)}
      className="flex flex-wrap items-end gap-3 text-sm"
    >
      <label className="flex flex-col gap-1">
        <span className="font-medium">Search</span>
        <TextInput
          type="search"
          name="q"
          aria-label="Search groups"
          placeholder="Group id contains…"
          className="w-full sm:w-72"
          defaultValue={query.q ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Type</span>
        <Select name="type" defaultValue={query.type ?? ""}>
          <option value="">Any type</option>
          {GROUP_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">State</span>
        <Select name="state" defaultValue={query.state ?? ""}>
          <option value="">Any state</option>
          {GROUP_STATES.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Topic</span>
        <TextInput
          name="topic"
          aria-label="Groups reading topic"
          placeholder="Committed offsets on…"
          className="w-full sm:w-56"
          defaultValue={query.topic ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Sort by</span>
        <Select name="sort" defaultValue={query.sort ?? "name"}>
          <option value="name">Name</option>
          <option value="lag">Total lag (largest first)</option>
          <option value="members">Members (most first)</option>
        </Select>
      </label>
      <Button type="submit" variant="primary">
        Apply
      </Button>
      {filtered && (
        <Link
          href={consumerGroupsPath(cluster)}
          className="py-1.5 text-sky-700 hover:underline dark:text-sky-400"
        >
          Clear
        </Link>
      )}
    </form>
  );
}
