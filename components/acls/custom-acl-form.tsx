"use client";

import { useId, useState } from "react";
import {
  CLUSTER_RESOURCE_NAME,
  PATTERN_TYPES,
  PERMISSIONS,
  RESOURCE_TYPES,
  uniqueBindings,
  type AclBinding,
  type AclOperation,
  type AclPatternType,
  type AclPermission,
  type AclResourceType,
} from "@/lib/acl/types";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { PreviewAndCreate } from "./preview-and-create";
import { operationChoices } from "./operation-choices";
import { PrincipalHostFields, missingBasics } from "./principal-host-fields";

interface ResourceRow {
  resourceType: AclResourceType;
  resourceName: string;
  patternType: AclPatternType;
}

const newRow = (): ResourceRow => ({ resourceType: "TOPIC", resourceName: "", patternType: "LITERAL" });

/** Any bindings: every chosen operation on every resource row, offering only what Kafka accepts. */
export function CustomAclForm({ initialPrincipal }: { initialPrincipal: string }) {
  const [principal, setPrincipal] = useState(initialPrincipal);
  const [host, setHost] = useState("*");
  const [permission, setPermission] = useState<AclPermission>("ALLOW");
  const [resources, setResources] = useState<ResourceRow[]>([newRow()]);
  const [operations, setOperations] = useState<AclOperation[]>([]);
  const hintId = useId();

  const chosenTypes = [...new Set(resources.map((row) => row.resourceType))];
  const choices = operationChoices(chosenTypes);
  const enabledOperations = new Set(
    choices.filter((choice) => choice.enabled).map((choice) => choice.operation),
  );
  const effectiveOperations = operations.filter((operation) => enabledOperations.has(operation));

  const bindings: AclBinding[] = uniqueBindings(
    resources.flatMap((row) =>
      effectiveOperations.map((operation) => ({
        principal: principal.trim(),
        host: host.trim(),
        resourceType: row.resourceType,
        resourceName: row.resourceType === "CLUSTER" ? CLUSTER_RESOURCE_NAME : row.resourceName.trim(),
        patternType: row.resourceType === "CLUSTER" ? "LITERAL" : row.patternType,
        operation,
        permission,
      })),
    ),
  );
  const incomplete =
    missingBasics(principal, host) ??
    (resources.some((row) => row.resourceType !== "CLUSTER" && row.resourceName.trim() === "")
      ? "Every resource needs a name (or a prefix)."
      : effectiveOperations.length === 0
        ? "Choose at least one operation."
        : undefined);

  const updateRow = (index: number, change: Partial<ResourceRow>) =>
    setResources(resources.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <form className="space-y-4" onSubmit={(event) => event.preventDefault()}>
      <PrincipalHostFields principal={principal} host={host} onPrincipal={setPrincipal} onHost={setHost} />
      <Field label="Permission" className="max-w-xs">
        {(control) => (
          <Select
            {...control}
            value={permission}
            onChange={(event) => setPermission(event.target.value as AclPermission)}
          >
            {PERMISSIONS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Resources</legend>
        {resources.map((row, index) => (
          <div key={index} className="flex flex-wrap items-center gap-2">
            <Select
              aria-label={`Resource type ${index + 1}`}
              value={row.resourceType}
              onChange={(event) => updateRow(index, { resourceType: event.target.value as AclResourceType })}
            >
              {RESOURCE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </Select>
            <TextInput
              aria-label={`Resource name ${index + 1}`}
              value={row.resourceType === "CLUSTER" ? CLUSTER_RESOURCE_NAME : row.resourceName}
              disabled={row.resourceType === "CLUSTER"}
              placeholder="name, or * for all"
              onChange={(event) => updateRow(index, { resourceName: event.target.value })}
              className="min-w-0 flex-1"
            />
            <Select
              aria-label={`Pattern ${index + 1}`}
              value={row.resourceType === "CLUSTER" ? "LITERAL" : row.patternType}
              disabled={row.resourceType === "CLUSTER"}
              onChange={(event) => updateRow(index, { patternType: event.target.value as AclPatternType })}
            >
              {PATTERN_TYPES.map((pattern) => (
                <option key={pattern} value={pattern}>
                  {pattern}
                </option>
              ))}
            </Select>
            {resources.length > 1 && (
              <Button
                variant="ghost"
                aria-label={`Remove resource ${index + 1}`}
                onClick={() => setResources(resources.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            )}
          </div>
        ))}
        <Button variant="ghost" onClick={() => setResources([...resources, newRow()])}>
          Add resource
        </Button>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Operations</legend>
        <p id={hintId} className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          Only operations Kafka defines for {chosenTypes.join(", ")}; one missing from a chosen type is
          disabled.
        </p>
        <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-3">
          {choices.map(({ operation, enabled, missingFrom }) => {
            return (
              <label key={operation} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4"
                  disabled={!enabled}
                  checked={enabled && operations.includes(operation)}
                  aria-describedby={enabled ? undefined : `${hintId}-${operation}`}
                  onChange={(event) =>
                    setOperations(
                      event.target.checked
                        ? [...operations, operation]
                        : operations.filter((op) => op !== operation),
                    )
                  }
                />
                <span>
                  <span className="font-mono text-xs">{operation}</span>
                  {!enabled && (
                    <span
                      id={`${hintId}-${operation}`}
                      className="block text-xs text-zinc-500 dark:text-zinc-400"
                    >
                      Not an operation of {missingFrom.join(", ")}
                    </span>
                  )}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <PreviewAndCreate bindings={incomplete ? [] : bindings} incomplete={incomplete} />
    </form>
  );
}
