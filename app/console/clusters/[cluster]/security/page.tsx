import { redirect } from "next/navigation";

import { aclsPath } from "@/lib/paths";
import { clusterOf, type ClusterParams } from "../_lib/cluster-param";

// Security has one page so far; its section heading in the navigation is not a page of its own.
export default async function SecurityPage({ params }: { params: ClusterParams }) {
  redirect(aclsPath(await clusterOf(params)));
}
