"use client";

import Link from "next/link";
import { DropdownMenu } from "radix-ui";

type Org = { slug: string; name: string; role: string };

/** The current organisation, and the others this person can switch to. */
export function OrgSwitcher({ current, organisations }: { current?: { slug: string; name: string }; organisations: Org[] }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex min-w-0 max-w-[45vw] items-center gap-2 rounded-md sm:max-w-56 px-2.5 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-200 hover:bg-slate-50"
        aria-label={current ? `Organisation: ${current.name}. Switch organisation` : "Choose an organisation"}
      >
        <span className="truncate">{current?.name ?? "Organisations"}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-slate-500">
          <path d="M5.5 7.5 10 12l4.5-4.5z" />
        </svg>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 min-w-60 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Your organisations
          </DropdownMenu.Label>
          {organisations.map((org) => (
            <DropdownMenu.Item key={org.slug} asChild>
              <Link
                href={`/o/${org.slug}`}
                aria-current={org.slug === current?.slug ? "page" : undefined}
                className="flex items-center justify-between gap-4 rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-brand-50"
              >
                <span className="truncate">{org.name}</span>
                <span className="text-xs capitalize text-slate-500">{org.role}</span>
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
