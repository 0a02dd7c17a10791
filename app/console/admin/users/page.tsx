import type { Metadata } from "next";
import { listUsers, requirePagePermission } from "@/lib/server/auth";
import { AddUserForm } from "@/components/admin/add-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/shell/page-header";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const principal = await requirePagePermission("user.manage");
  const users = (await listUsers()).toSorted((a, b) => a.username.localeCompare(b.username));
  return (
    <>
      <PageHeader
        title="Users"
        description="Who may sign in to the console, and with which role. Every change is recorded in the audit trail."
      />
      <div className="space-y-6">
        <AddUserForm />
        <UsersTable users={users} currentUserId={principal.user.id} />
      </div>
    </>
  );
}
