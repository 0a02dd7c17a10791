import { bindingKey, describeBinding, type AclBinding } from "@/lib/acl/types";

/** Bindings as readable lines (text only: names come from the broker). */
export function BindingList({ bindings, label }: { bindings: readonly AclBinding[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-0.5 font-mono text-xs break-all">
      {bindings.map((binding) => (
        <li key={bindingKey(binding)}>{describeBinding(binding)}</li>
      ))}
    </ul>
  );
}
