"use client";

import { DeferredMenu } from "./deferred-menu";

type Org = { slug: string; name: string; role: string };
export type OrgSwitcherProps = { current?: { slug: string; name: string }; organisations: Org[] };

export const ORG_SWITCHER_TRIGGER =
  "flex min-w-0 max-w-[45vw] items-center gap-2 rounded-md sm:max-w-56 px-2.5 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-200 hover:bg-slate-50";

export const orgSwitcherName = (current: OrgSwitcherProps["current"]) =>
  current ? `Organisation: ${current.name}. Switch organisation` : "Choose an organisation";

export function OrgSwitcherLabel({ current }: Pick<OrgSwitcherProps, "current">) {
  return (
    <>
      <span className="truncate">{current?.name ?? "Organisations"}</span>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-slate-500">
        <path d="M5.5 7.5 10 12l4.5-4.5z" />
      </svg>
    </>
  );
}

const load = () => import("./org-switcher-content");

/** The current organisation, and the others this person can switch to. Its code loads on first intent (see DeferredMenu). */
export function OrgSwitcher({ current, organisations }: OrgSwitcherProps) {
  return (
    <DeferredMenu load={load} props={{ current, organisations }} label={orgSwitcherName(current)} className={ORG_SWITCHER_TRIGGER}>
      <OrgSwitcherLabel current={current} />
    </DeferredMenu>
  );
}
