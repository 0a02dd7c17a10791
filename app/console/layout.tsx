import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { listClusterNames } from "@/lib/server/kafka";

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return <AppShell cluster={listClusterNames()[0]}>{children}</AppShell>;
}
