import type { ReactNode } from "react";
import { Logo } from "./logo";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";

type Props = {
  user: { name: string; email: string };
  organisations: { slug: string; name: string; role: string }[];
  current?: { slug: string; name: string };
  nav?: ReactNode;
};

/** The signed-in header: wordmark, organisation switcher, sections, account menu. */
export function AppHeader({ user, organisations, current, nav }: Props) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Logo href={current ? `/o/${current.slug}` : "/o"} />
        <span aria-hidden="true" className="hidden h-6 w-px bg-slate-200 sm:block" />
        <OrgSwitcher current={current} organisations={organisations} />
        <div className="ml-auto flex-none">
          <UserMenu name={user.name} email={user.email} />
        </div>
      </div>
      {nav && <div className="mx-auto max-w-7xl px-4 pb-2 sm:px-6">{nav}</div>}
    </header>
  );
}
