"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

/** `exact`: current only on that very path (the overview), not on the pages below it. */
export type NavLink = { href: string; label: string; exact?: boolean };

/**
 * The organisation's sections; the current one is marked for screen readers and sighted users alike.
 * From the lg breakpoint up they are a bar (it wraps rather than scroll, so no section is ever out of sight). Below
 * it they sit behind a "Menu" button (a disclosure): it opens the list under the header; Escape closes it and puts
 * focus back on the button; choosing a section, a click outside or tabbing out of the list also close it.
 */
export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const nav = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const currentLink = links.find((link) => isCurrent(link, pathname));

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  return (
    <nav
      ref={nav}
      aria-label="Organisation"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (open && !nav.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-200 hover:bg-slate-50 lg:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 shrink-0 fill-slate-600">
          {open ? (
            <path d="M5.3 4 4 5.3 8.7 10 4 14.7 5.3 16l4.7-4.7 4.7 4.7 1.3-1.3-4.7-4.7L16 5.3 14.7 4 10 8.7z" />
          ) : (
            <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
          )}
        </svg>
        Menu
        {/* Where one is, at a glance; for screen readers the list marks it (aria-current), so the name stays "Menu". */}
        {currentLink && (
          <span aria-hidden="true" className="min-w-0 truncate border-l border-slate-200 pl-2 font-normal text-slate-600">
            {currentLink.label}
          </span>
        )}
      </button>
      <ul id={listId} className={cn("mt-2 space-y-1 lg:mt-0 lg:flex lg:flex-wrap lg:gap-1 lg:space-y-0", !open && "hidden")}>
        {links.map((link) => {
          const current = isCurrent(link, pathname);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap lg:px-2.5 lg:py-1.5 xl:px-3",
                  current ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function isCurrent(link: NavLink, pathname: string) {
  return pathname === link.href || (!link.exact && pathname.startsWith(`${link.href}/`));
}
