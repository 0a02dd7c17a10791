import { redirect } from "next/navigation";

import { aclsPath } from "@/lib/paths";
import { listClusterNames } from "@/lib/server/kafka";

// Security has one page so far; its section heading in the navigation is not a page of its own.
export default function SecurityPage() {
  redirect(aclsPath(listClusterNames()[0] ?? ""));
}
