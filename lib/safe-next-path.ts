export { safeNextPath } from "@/lib/schemas/auth";
