import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { AppHeader } from "@/components/shell/app-header";
import { EmptyState } from "@/components/ui/empty-state";
import { loadOrganisationPicker } from "@/lib/accounts/loaders";

export const metadata: Metadata = { title: "Your organisations" };

/** Where sign-in lands: straight into the only organisation, or a choice when there are several. */
export default async function OrganisationPickerPage() {
  const { user, organisations } = await loadOrganisationPicker();
  if (organisations.length === 1) redirect(`/o/${organisations[0]!.slug}`);
  return (
    <>
      <SkipLink />
      <AppHeader user={user} organisations={organisations} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-2xl px-4 py-12 outline-none sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your organisations</h1>
        {organisations.length === 0 ? (
          <div className="mt-6">
            <EmptyState title="You are not in an organisation">
              Ask an admin for an invite link, or create your own organisation from the sign-up page.
            </EmptyState>
          </div>
        ) : (
          <ul className="mt-6 divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
            {organisations.map((org) => (
              <li key={org.slug}>
                <Link href={`/o/${org.slug}`} className="flex items-center justify-between px-5 py-4 hover:bg-slate-50">
                  <span className="font-medium text-slate-900">{org.name}</span>
                  <span className="text-sm text-slate-500 capitalize">{org.role}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
