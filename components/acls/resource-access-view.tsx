import Link from "next/link";
import type { AclLintFinding } from "@/lib/acl/lint";
import type { PrincipalAccess } from "@/lib/acl/matcher";
import { Badge } from "@/components/ui/badge";
import { BindingList } from "./binding-list";
import { LintFlag } from "./lint-flag";
import { aclsPath } from "@/lib/paths";

/** Who may do what on one topic or group, from the same matcher as the access check. */
export function ResourceAccessView({
  cluster,
  resourceType,
  resourceName,
  access,
  principalFlags,
}: {
  cluster: string;
  resourceType: "TOPIC" | "GROUP";
  resourceName: string;
  access: PrincipalAccess[];
  /** The linter's findings about principals (one that never matches is listed, but flagged). */
  principalFlags?: ReadonlyMap<string, AclLintFinding[]>;
}) {
  const noun = resourceType === "TOPIC" ? "topic" : "group";
  return (
    <div className="space-y-3 px-5 py-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Bindings covering {noun}{" "}
        <span className="font-mono text-zinc-900 dark:text-zinc-100">{resourceName}</span> (literal, prefixed
        and *), from any host; super users are not listed.{" "}
        <Link href={aclsPath(cluster)} className="underline underline-offset-2">
          Show all bindings
        </Link>
      </p>
      {access.length === 0 ? (
        <p className="text-sm">No binding covers this {noun}: only super users may use it.</p>
      ) : (
        <ul
          aria-label={`Access to ${noun} ${resourceName}`}
          className="divide-y divide-zinc-100 dark:divide-zinc-800"
        >
          {access.map(({ principal, operations }) => (
            <li key={principal} className="space-y-2 py-3">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-sm font-medium break-all">{principal}</span>
                <LintFlag findings={principalFlags?.get(principal)} />
              </p>
              <ul className="space-y-2">
                {operations.map((entry) => (
                  <li key={entry.operation} className="space-y-1">
                    <p className="flex items-center gap-2 text-sm">
                      <Badge tone={entry.decision === "ALLOWED" ? "success" : "danger"}>
                        {entry.decision}
                      </Badge>
                      <span className="font-mono text-xs">{entry.operation}</span>
                    </p>
                    <BindingList
                      bindings={entry.deciding}
                      label={`Bindings deciding ${entry.operation} for ${principal}`}
                    />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
