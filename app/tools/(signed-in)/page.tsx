import { redirect } from "next/navigation";
import { certificatesPath } from "@/lib/paths";

// Tools has one page so far; its section heading in the navigation is not a page of its own.
export default function ToolsPage() {
  redirect(certificatesPath());
}
