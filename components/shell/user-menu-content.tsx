"use client";

import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import type { MenuLoadState } from "./deferred-menu";
import { signOut } from "@/components/auth/sign-out";
import { initials, USER_MENU_TRIGGER } from "./user-menu";

/** The account menu itself, loaded by UserMenu on first intent. */
export default function UserMenuContent({ name, email, defaultOpen, triggerRef }: { name: string; email: string } & MenuLoadState) {
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger ref={triggerRef} aria-label={`Account menu for ${name}`} className={USER_MENU_TRIGGER}>
        {initials(name)}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <div className="px-2 py-2">
            <p className="text-sm font-medium text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-500">{email}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild>
            <Link href="/account" className="block rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-brand-50">
              Account settings
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            onSelect={() => void signOut()}
            className="cursor-pointer rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-brand-50"
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
