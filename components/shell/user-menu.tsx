"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { Role } from "@/lib/schemas/auth";
import { RoleBadge } from "@/components/auth/role-badge";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ChevronDownIcon, UserIcon } from "@/components/ui/icons";
import { buttonClassName } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { passwordChangePath } from "@/lib/paths";

interface UserMenuProps {
  username: string;
  role: Role;
}

/**
 * The signed-in user, their role, and the way out. A disclosure (button + panel of ordinary links and
 * buttons), not an ARIA menu: Tab moves through it, Escape closes it and returns focus to the button.
 */
export function UserMenu({ username, role }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const pathname = usePathname();

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent | FocusEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("focusin", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("focusin", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className={cn(buttonClassName("ghost"), "px-2")}
      >
        <UserIcon />
        <span className="sr-only">User menu: </span>
        <span className="max-w-32 truncate max-sm:sr-only">{username}</span>
        <span className="max-sm:sr-only">
          <RoleBadge role={role} />
        </span>
        <ChevronDownIcon className="size-3.5 text-zinc-500" />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-50 mt-1 w-56 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        <p className="border-b border-zinc-100 px-3 pt-1.5 pb-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          Signed in as <span className="font-medium text-zinc-900 dark:text-zinc-100">{username}</span> (
          {role})
        </p>
        <ul className="pt-1">
          <li>
            <Link
              // Back to this page once the password is changed.
              href={passwordChangePath(pathname)}
              onClick={() => setOpen(false)}
              className={cn(buttonClassName("ghost"), "w-full justify-start")}
            >
              Change password
            </Link>
          </li>
          <li>
            <SignOutButton />
          </li>
        </ul>
      </div>
    </div>
  );
}
