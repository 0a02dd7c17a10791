import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePagePermission } from "@/lib/server/auth";
import { defaultClusterName, listClusterNames } from "@/lib/server/kafka";

// The first check; each page checks again for its own role (a client-side navigation renders a page without its layout).
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePagePermission("session.use");
  return (
    <AppShell
      clusters={{ names: listClusterNames(), defaultCluster: defaultClusterName() }}
      user={{ username: user.username, role: user.role }}
    >
      {children}
    </AppShell>
  );
}
