import { redirect } from "next/navigation";

// Tools has one page so far; its section heading in the navigation is not a page of its own.
export default function ToolsPage() {
  redirect("/tools/certificates");
}
