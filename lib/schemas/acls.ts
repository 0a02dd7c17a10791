// ACL forms and REST bodies: one set of schemas for the page, the server actions and the REST API.
// Pure (no Node imports): client components validate with it too. Messages name what Kafka would refuse.
import { z } from "zod";

import { isOperationValidFor, OPERATIONS_BY_RESOURCE } from "@/lib/acl/operations";
import {
  CLUSTER_RESOURCE_NAME,
  OPERATIONS,
  PATTERN_TYPES,
  PERMISSIONS,
  RESOURCE_TYPES,
  uniqueBindings,
  type AclBinding,
} from "@/lib/acl/types";

import { onlyIfClean, refuseControlCharacters } from "./control-characters";

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);
const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const principalSchema = z.preprocess(
  trimmed,
  z
    .string({ error: "Enter a principal, e.g. User:orders-service" })
    .min(1, "Enter a principal, e.g. User:orders-service")
    .superRefine(refuseControlCharacters("principal"))
    .refine((value) => /^[^:\s]+:.+$/.test(value), {
      ...onlyIfClean,
      message: 'A principal is "Type:name", e.g. User:orders-service (the type prefix is missing)',
    }),
);

function isIpAddress(value: string): boolean {
  return z.ipv4().safeParse(value).success || z.ipv6().safeParse(value).success;
}

export const hostSchema = z.preprocess(
  (value) => (value === undefined || value === "" ? "*" : trimmed(value)),
  z
    .string()
    .superRefine(refuseControlCharacters("host"))
    .refine((value) => value === "*" || isIpAddress(value), {
      ...onlyIfClean,
      message: 'The host is "*" (any host) or one IP address; Kafka does not resolve host names in ACLs',
    }),
);

export const resourceTypeSchema = z.enum(RESOURCE_TYPES, { error: "Choose a resource type" });
export const patternTypeSchema = z.enum(PATTERN_TYPES, {
  error: "The pattern type is LITERAL or PREFIXED",
});
export const operationSchema = z.enum(OPERATIONS, { error: "Choose a valid operation" });
export const permissionSchema = z.enum(PERMISSIONS, { error: "The permission is ALLOW or DENY" });

/** The message for an operation the resource type does not have, listing the ones it has. */
export function invalidOperationMessage(resourceType: string, operation: string): string {
  const valid = OPERATIONS_BY_RESOURCE[resourceType as keyof typeof OPERATIONS_BY_RESOURCE];
  return `${resourceType} has no ${operation} operation${valid ? ` (it has ${valid.join(", ")})` : ""}`;
}

const resourcePatternFields = {
  resourceType: resourceTypeSchema,
  // The cluster has one name; an empty name field means it.
  resourceName: z.preprocess(
    trimmed,
    z.string().superRefine(refuseControlCharacters("resource name")).default(""),
  ),
  patternType: patternTypeSchema.default("LITERAL"),
};

type ResourcePatternInput = { resourceType: string; resourceName: string; patternType: string };

/** Empty names, and the cluster resource's fixed name: each with its own message. */
function checkResourcePattern(pattern: ResourcePatternInput, ctx: z.RefinementCtx, path: PropertyKey[] = []) {
  if (pattern.resourceType === "CLUSTER") {
    if (pattern.resourceName !== CLUSTER_RESOURCE_NAME || pattern.patternType !== "LITERAL") {
      ctx.addIssue({
        code: "custom",
        path: [...path, "resourceName"],
        message: `The cluster resource is named "${CLUSTER_RESOURCE_NAME}" (LITERAL)`,
      });
    }
    return;
  }
  if (pattern.resourceName === "") {
    ctx.addIssue({
      code: "custom",
      path: [...path, "resourceName"],
      message:
        pattern.patternType === "PREFIXED"
          ? "Enter a prefix: an empty PREFIXED name is refused by Kafka"
          : 'Enter a resource name (use "*" for every resource of this type)',
    });
  }
}

/** The cluster resource's name is implied: fill it in so forms may leave it empty. */
const withClusterName = (value: unknown) => {
  if (
    value &&
    typeof value === "object" &&
    (value as { resourceType?: unknown }).resourceType === "CLUSTER"
  ) {
    const pattern = value as { resourceName?: unknown };
    if (pattern.resourceName === undefined || pattern.resourceName === "") {
      return { ...value, resourceName: CLUSTER_RESOURCE_NAME };
    }
  }
  return value;
};

export const resourcePatternSchema = z.preprocess(
  withClusterName,
  z.object(resourcePatternFields).superRefine((pattern, ctx) => checkResourcePattern(pattern, ctx)),
);
export type ResourcePatternInputValue = z.infer<typeof resourcePatternSchema>;

export const aclBindingSchema = z.preprocess(
  withClusterName,
  z
    .object({
      principal: principalSchema,
      host: hostSchema,
      ...resourcePatternFields,
      operation: operationSchema,
      permission: permissionSchema,
    })
    .superRefine((binding, ctx) => {
      checkResourcePattern(binding, ctx);
      if (!isOperationValidFor(binding.resourceType, binding.operation)) {
        ctx.addIssue({
          code: "custom",
          path: ["operation"],
          message: invalidOperationMessage(binding.resourceType, binding.operation),
        });
      }
    }),
) as z.ZodType<AclBinding>;

/** The create form: one principal, host and permission; several resources times several operations. */
export const createAclsSchema = z
  .object({
    principal: principalSchema,
    host: hostSchema,
    permission: permissionSchema.default("ALLOW"),
    resources: z
      .array(resourcePatternSchema)
      .min(1, "Add at least one resource")
      .max(100, "At most 100 resources"),
    operations: z.array(operationSchema).min(1, "Choose at least one operation"),
  })
  .superRefine((input, ctx) => {
    input.resources.forEach((resource, index) => {
      for (const operation of input.operations) {
        if (!isOperationValidFor(resource.resourceType, operation)) {
          ctx.addIssue({
            code: "custom",
            path: ["resources", index, "resourceType"],
            message: invalidOperationMessage(resource.resourceType, operation),
          });
        }
      }
    });
  });
export type CreateAclsInput = z.infer<typeof createAclsSchema>;

/** The bindings a create form stands for: every resource times every operation, without duplicates. */
export function expandCreateAcls(input: CreateAclsInput): AclBinding[] {
  return uniqueBindings(
    input.resources.flatMap((resource) =>
      input.operations.map((operation) => ({
        principal: input.principal,
        host: input.host,
        resourceType: resource.resourceType,
        resourceName: resource.resourceName,
        patternType: resource.patternType,
        operation,
        permission: input.permission,
      })),
    ),
  );
}

export const aclBindingsSchema = z
  .array(aclBindingSchema)
  .min(1, "Choose at least one binding")
  .max(1000, "At most 1000 bindings at once");

/** REST POST and the create action: the form's shape, or explicit bindings (presets). */
export const createAclsRequestSchema = z.union([createAclsSchema, z.object({ bindings: aclBindingsSchema })]);
export type CreateAclsRequest = z.infer<typeof createAclsRequestSchema>;

export function bindingsOfCreateRequest(request: CreateAclsRequest): AclBinding[] {
  return "bindings" in request ? uniqueBindings(request.bindings) : expandCreateAcls(request);
}

/**
 * A binding as the broker lists it. Deletes take these, not aclBindingSchema: a binding another tool
 * created (READ on CLUSTER, a host name) must stay deletable even though the console would not create it.
 */
export const listedBindingSchema = z.object({
  principal: z.string().min(1, "The principal is missing"),
  host: z.string().min(1, "The host is missing"),
  resourceType: resourceTypeSchema,
  resourceName: z.string(),
  patternType: patternTypeSchema,
  operation: operationSchema,
  permission: permissionSchema,
}) satisfies z.ZodType<AclBinding>;

export const deleteAclsSchema = z.object({
  bindings: z
    .array(listedBindingSchema)
    .min(1, "Choose at least one binding")
    .max(1000, "At most 1000 bindings at once"),
});
export type DeleteAclsInput = z.infer<typeof deleteAclsSchema>;

/** List filters: every field optional and exact; q searches the readable form of each binding. */
export const aclFilterSchema = z.object({
  principal: z.preprocess(emptyToUndefined, z.string().optional()),
  host: z.preprocess(emptyToUndefined, z.string().optional()),
  resourceType: z.preprocess(emptyToUndefined, resourceTypeSchema.optional()),
  resourceName: z.preprocess(emptyToUndefined, z.string().optional()),
  patternType: z.preprocess(emptyToUndefined, patternTypeSchema.optional()),
  operation: z.preprocess(emptyToUndefined, operationSchema.optional()),
  permission: z.preprocess(emptyToUndefined, permissionSchema.optional()),
  q: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
});
export type AclFilter = z.infer<typeof aclFilterSchema>;

export const checkAccessSchema = z.object({
  principal: principalSchema,
  host: z.preprocess(
    trimmed,
    z
      .string()
      .superRefine(refuseControlCharacters("host"))
      .refine((value) => isIpAddress(value) || value === "*", {
        ...onlyIfClean,
        message: "Enter the client's IP address",
      }),
  ),
  resourceType: resourceTypeSchema,
  resourceName: z.preprocess(
    trimmed,
    z.string().min(1, "Enter the resource name").superRefine(refuseControlCharacters("resource name")),
  ),
  operation: operationSchema,
});
export type CheckAccessInput = z.infer<typeof checkAccessSchema>;

const presetPatternSchema = z.object({
  name: z.preprocess(
    trimmed,
    z.string().min(1, "Enter a name or prefix").superRefine(refuseControlCharacters("name")),
  ),
  patternType: patternTypeSchema.default("LITERAL"),
});

const presetBase = {
  principal: principalSchema,
  host: hostSchema,
  topics: z.array(presetPatternSchema).min(1, "Add at least one topic"),
};

export const consumerPresetSchema = z.object({ ...presetBase, group: presetPatternSchema });
export type ConsumerPresetInput = z.infer<typeof consumerPresetSchema>;

export const producerPresetSchema = z.object({
  ...presetBase,
  idempotent: z.boolean().default(false),
  transactionalId: presetPatternSchema.optional(),
});
export type ProducerPresetInput = z.infer<typeof producerPresetSchema>;

export const readOnlyPresetSchema = z.object({
  ...presetBase,
  groups: z.array(presetPatternSchema).default([]),
});
export type ReadOnlyPresetInput = z.infer<typeof readOnlyPresetSchema>;
