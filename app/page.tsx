import { redirect } from "next/navigation";
import { consolePath } from "@/lib/paths";

export default function HomePage() {
  redirect(consolePath());
}
