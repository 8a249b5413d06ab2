"use client";

import { DeferredMenu } from "./deferred-menu";

export function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

export const USER_MENU_TRIGGER =
  "flex h-9 w-9 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white hover:bg-brand-700";

const load = () => import("./user-menu-content");

/** The account menu: account settings and sign out. Its code loads on first intent (see DeferredMenu). */
export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <DeferredMenu load={load} props={{ name, email }} label={`Account menu for ${name}`} className={USER_MENU_TRIGGER}>
      {initials(name)}
    </DeferredMenu>
  );
}
