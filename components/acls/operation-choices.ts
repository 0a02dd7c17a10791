import { isOperationValidFor } from "@/lib/acl/operations";
import { OPERATIONS, type AclOperation, type AclResourceType } from "@/lib/acl/types";

export interface OperationChoice {
  operation: AclOperation;
  /** Valid for every chosen resource type. */
  enabled: boolean;
  /** The chosen types that lack it (the hint beside a disabled checkbox). */
  missingFrom: AclResourceType[];
}

/**
 * The operation checkboxes for the chosen resource types: those of at least one type, enabled only
 * when every type has them, since each operation is granted on every resource row.
 */
export function operationChoices(resourceTypes: readonly AclResourceType[]): OperationChoice[] {
  const types = [...new Set(resourceTypes)];
  return OPERATIONS.filter((operation) => types.some((type) => isOperationValidFor(type, operation))).map(
    (operation) => {
      const missingFrom = types.filter((type) => !isOperationValidFor(type, operation));
      return { operation, enabled: missingFrom.length === 0, missingFrom };
    },
  );
}
