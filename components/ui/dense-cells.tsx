import type { TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

// Tighter cells than the shared table's, for the admin tables' many columns within the console's
// content width. Used with TableHead and TableBody from components/ui/table.

export function DenseHeaderCell({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("px-3 py-2.5 font-medium whitespace-nowrap", className)} {...props} />;
}

export function DenseCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2.5", className)} {...props} />;
}
