import type { Metadata } from "next";
import { JoinPanel } from "@/components/invites/join-panel";
import { Logo } from "@/components/shell/logo";
import { loadJoinPage } from "@/lib/invites/loaders";

export const metadata: Metadata = { title: "Join", robots: { index: false } };

/** An invite link. Works signed out; shows only the organisation's name and the role offered. */
export default async function JoinPage({ params }: { params: Promise<{ slug: string; token: string }> }) {
  const { slug, token } = await params;
  const outcome = await loadJoinPage(slug, token);
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-12">
      <header>
        <Logo />
      </header>
      <main className="mt-8 w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        {outcome.status === "ok" ? (
          <JoinPanel slug={slug} token={token} invite={outcome.data} />
        ) : (
          <>
            <h1 className="text-xl font-semibold text-slate-900">This invite link is not valid</h1>
            <p className="mt-2 text-sm text-slate-600">Check that you copied the whole link, or ask the person who sent it for a new one.</p>
          </>
        )}
      </main>
    </div>
  );
}
