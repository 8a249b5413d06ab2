import type { ReactNode } from "react";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { AppHeader } from "@/components/shell/app-header";
import { NavLinks } from "@/components/shell/nav-links";
import { loadOrganisationShell } from "@/lib/organisations/loaders";

export default async function OrganisationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const shell = await loadOrganisationShell(slug);
  const base = `/o/${shell.org.slug}`;
  const { grid, framework, cycles, people, settings, audit, relationships, coaching, myCoaching, selfAssessment, results } = shell.sections;
  const links = [
    { href: base, label: "Overview", exact: true },
    ...(selfAssessment ? [{ href: `${base}/self-assessment`, label: "Self-assessment" }] : []),
    ...(grid ? [{ href: `${base}/grid`, label: "Grid" }] : []),
    ...(coaching ? [{ href: `${base}/coaching`, label: "Coaching" }] : []),
    ...(myCoaching ? [{ href: `${base}${myCoaching}`, label: "My coaching" }] : []),
    ...(results ? [{ href: `${base}/results`, label: "Results" }] : []),
    ...(framework ? [{ href: `${base}/framework`, label: "Framework" }] : []),
    ...(cycles ? [{ href: `${base}/cycles`, label: "Cycles" }] : []),
    ...(relationships ? [{ href: `${base}/relationships`, label: "Relationships" }] : []),
    ...(people
      ? [
          { href: `${base}/teams`, label: "Teams" },
          { href: `${base}/members`, label: "Members" },
          { href: `${base}/invites`, label: "Invite links" },
        ]
      : []),
    ...(audit ? [{ href: `${base}/audit`, label: "Audit log" }] : []),
    ...(settings ? [{ href: `${base}/settings`, label: "Settings" }] : []),
  ];

  return (
    <>
      <SkipLink />
      <AppHeader user={shell.user} organisations={shell.organisations} current={shell.org} nav={<NavLinks links={links} />} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 outline-none sm:px-6 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
