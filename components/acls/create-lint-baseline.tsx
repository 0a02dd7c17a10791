"use client";

// What the bindings about to be created are linted against in the preview: the cluster's bindings,
// topics and groups as the page loaded them. The server lints again against the cluster as it is.
import { createContext, useContext, type ReactNode } from "react";
import type { AclLintContext } from "@/lib/acl/lint";
import type { AclBinding } from "@/lib/acl/types";

export interface CreateLintBaseline extends Pick<AclLintContext, "topics" | "groups"> {
  /** The cluster the bindings are created on (the page's). */
  cluster?: string;
  existing: readonly AclBinding[];
}

const BaselineContext = createContext<CreateLintBaseline>({ existing: [] });

export function CreateLintBaselineProvider({
  baseline,
  children,
}: {
  baseline: CreateLintBaseline;
  children: ReactNode;
}) {
  return <BaselineContext value={baseline}>{children}</BaselineContext>;
}

export const useCreateLintBaseline = () => useContext(BaselineContext);
