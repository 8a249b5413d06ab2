"use client";

import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import type { MenuLoadState } from "./deferred-menu";
import { ORG_SWITCHER_TRIGGER, OrgSwitcherLabel, orgSwitcherName, type OrgSwitcherProps } from "./org-switcher";

/** The organisation menu itself, loaded by OrgSwitcher on first intent. */
export default function OrgSwitcherContent({ current, organisations, defaultOpen, triggerRef }: OrgSwitcherProps & MenuLoadState) {
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger ref={triggerRef} className={ORG_SWITCHER_TRIGGER} aria-label={orgSwitcherName(current)}>
        <OrgSwitcherLabel current={current} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className="z-50 min-w-60 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
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
                <span className="text-xs text-slate-600 capitalize">{org.role}</span>
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
