import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/server/auth";
import { usersPath } from "@/lib/paths";

export const dynamic = "force-dynamic";

// The Admin heading in the navigation is not a page of its own.
export default async function AdminPage() {
  await requirePagePermission("user.manage");
  redirect(usersPath());
}
