"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** `exact`: current only on that very path (the overview), not on the pages below it. */
export type NavLink = { href: string; label: string; exact?: boolean };

/** The organisation's sections; the current one is marked for screen readers and sighted users alike. */
export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Organisation" className="flex gap-1 overflow-x-auto">
      {links.map((link) => {
        const current = pathname === link.href || (!link.exact && pathname.startsWith(`${link.href}/`));
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium",
              current ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
