import { redirect } from "next/navigation";

import { aclsPath } from "@/lib/paths";
import { clusterOf, type ClusterParams } from "../_lib/cluster-param";

// The Security heading in the navigation is not a page of its own: its address opens the ACLs (SCRAM
// users and quotas are admin-only or elsewhere in the section).
export default async function SecurityPage({ params }: { params: ClusterParams }) {
  redirect(aclsPath(await clusterOf(params)));
}
