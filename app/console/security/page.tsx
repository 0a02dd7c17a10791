import { redirect } from "next/navigation";

// Security has one page so far; its section heading in the navigation is not a page of its own.
export default function SecurityPage() {
  redirect("/console/security/acls");
}
