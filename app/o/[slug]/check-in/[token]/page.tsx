import type { Metadata } from "next";
import { CheckInForm } from "@/components/check-ins/check-in-form";
import { loadCheckInPage } from "@/lib/check-ins/loaders";

export const metadata: Metadata = { title: "Check-in", robots: { index: false } };

/**
 * A check-in link: no account, no session. Shows the organisation's name, the leader's name and the short form;
 * nothing else of the organisation, and no navigation into it. Phone first.
 */
export default async function CheckInPage({ params }: { params: Promise<{ slug: string; token: string }> }) {
  const { slug, token } = await params;
  const outcome = await loadCheckInPage(slug, token);
  const page = outcome.status === "ok" ? outcome.data : null;
  return (
    <div className="flex min-h-screen flex-col items-center bg-slate-50 px-4 py-6 sm:py-12">
      <main className="w-full max-w-lg rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-8">
        {!page ? (
          <>
            <h1 className="text-xl font-semibold text-slate-900">This check-in link is not valid</h1>
            <p className="mt-2 text-slate-600">
              Nothing was saved. Check that you copied the whole link, or ask the person who sent it for a new one.
            </p>
          </>
        ) : page.closed ? (
          <>
            <p className="text-sm font-medium text-brand-700">{page.orgName}</p>
            <h1 className="mt-1 text-xl font-semibold text-slate-900">{page.closed.title}</h1>
            <p className="mt-2 text-slate-600">{page.closed.body}</p>
          </>
        ) : (
          <CheckInForm
            slug={slug}
            token={token}
            leaderName={page.leaderName}
            orgName={page.orgName}
            intro={
              <>
                <p className="text-sm font-medium text-brand-700">{page.orgName}</p>
                <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">A quick check-in from {page.leaderName}</h1>
                <p className="mt-2 text-slate-700">
                  {page.leaderName}, in sales at {page.orgName}, would like to know how working with sales feels from your side. Three questions, two
                  minutes. No account needed.
                </p>
              </>
            }
          />
        )}
      </main>
      <footer className="mt-6 text-xs text-slate-600">Sent with Coachgrid</footer>
    </div>
  );
}
