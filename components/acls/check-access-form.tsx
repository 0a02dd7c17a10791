"use client";

import { useState } from "react";
import { checkAccess, type AccessDecision } from "@/lib/acl/matcher";
import { OPERATIONS_BY_RESOURCE } from "@/lib/acl/operations";
import { RESOURCE_TYPES, type AclBinding, type AclOperation, type AclResourceType } from "@/lib/acl/types";
import { checkAccessSchema } from "@/lib/schemas/acls";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { BindingList } from "./binding-list";

const REASONS: Record<AccessDecision["reason"], string> = {
  "super-user": "The principal is assumed to be a super user: the broker skips ACLs for it.",
  deny: "A DENY binding matches, and DENY wins over every ALLOW.",
  allow: "No DENY matches, and these ALLOW bindings grant the operation.",
  "no-match":
    "No binding grants it, and the broker denies what no ACL allows (allow.everyone.if.no.acl.found=false).",
};

/** Runs Kafka's authorizer rules on the listed bindings, in the browser. */
export function CheckAccessForm({
  bindings,
  superUsers,
  initialPrincipal,
}: {
  bindings: readonly AclBinding[];
  superUsers: readonly string[];
  initialPrincipal: string;
}) {
  const [principal, setPrincipal] = useState(initialPrincipal);
  const [resourceType, setResourceType] = useState<AclResourceType>("TOPIC");
  const [resourceName, setResourceName] = useState("");
  const [operation, setOperation] = useState<AclOperation>("READ");
  const [host, setHost] = useState("127.0.0.1");
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [result, setResult] = useState<{ decision: AccessDecision; asked: string }>();
  const operations = OPERATIONS_BY_RESOURCE[resourceType];

  const check = () => {
    const parsed = checkAccessSchema.safeParse({ principal, resourceType, resourceName, operation, host });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        (fieldErrors[field] ??= []).push(issue.message);
      }
      setErrors(fieldErrors);
      setResult(undefined);
      return;
    }
    setErrors({});
    setResult({
      decision: checkAccess(bindings, parsed.data, { superUsers }),
      asked: `${parsed.data.principal} ${parsed.data.operation} on ${parsed.data.resourceType} ${parsed.data.resourceName} from ${parsed.data.host}`,
    });
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        check();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Principal to check" errors={errors.principal}>
          {(control) => (
            <TextInput
              {...control}
              value={principal}
              placeholder="User:orders-service"
              onChange={(e) => setPrincipal(e.target.value)}
            />
          )}
        </Field>
        <Field label="Resource type" errors={errors.resourceType}>
          {(control) => (
            <Select
              {...control}
              value={resourceType}
              onChange={(event) => {
                const type = event.target.value as AclResourceType;
                setResourceType(type);
                const first = OPERATIONS_BY_RESOURCE[type].find((op) => op !== "ALL");
                if (!OPERATIONS_BY_RESOURCE[type].includes(operation) && first) setOperation(first);
                if (type === "CLUSTER") setResourceName("kafka-cluster");
              }}
            >
              {RESOURCE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Resource name" errors={errors.resourceName}>
          {(control) => (
            <TextInput {...control} value={resourceName} onChange={(e) => setResourceName(e.target.value)} />
          )}
        </Field>
        <Field label="Operation" errors={errors.operation}>
          {(control) => (
            <Select
              {...control}
              value={operation}
              onChange={(e) => setOperation(e.target.value as AclOperation)}
            >
              {operations
                .filter((op) => op !== "ALL")
                .map((op) => (
                  <option key={op} value={op}>
                    {op}
                  </option>
                ))}
            </Select>
          )}
        </Field>
        <Field label="Client host" hint="The client's IP address as the broker sees it." errors={errors.host}>
          {(control) => <TextInput {...control} value={host} onChange={(e) => setHost(e.target.value)} />}
        </Field>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Assumed super users (the broker&apos;s super.users is not readable over Kafka&apos;s API):{" "}
        <span className="font-mono">{superUsers.length ? superUsers.join(", ") : "none"}</span>.
      </p>
      <Button type="submit" variant="primary">
        Check access
      </Button>
      {result && (
        <div
          role="status"
          aria-label="Access decision"
          className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
        >
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={result.decision.decision === "ALLOWED" ? "success" : "danger"}>
              {result.decision.decision}
            </Badge>
            <span className="font-mono text-xs break-all">{result.asked}</span>
          </p>
          <p className="text-sm">{REASONS[result.decision.reason]}</p>
          {result.decision.deciding.length > 0 && (
            <BindingList bindings={result.decision.deciding} label="Deciding bindings" />
          )}
        </div>
      )}
    </form>
  );
}
