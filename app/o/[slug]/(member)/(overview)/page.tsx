import type { Metadata } from "next";
import { AdminDashboard } from "@/components/dashboards/admin-dashboard";
import { LeaderDashboard } from "@/components/dashboards/leader-dashboard";
import { RepDashboard } from "@/components/dashboards/rep-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollToHash } from "@/components/ui/scroll-to-hash";
import { loadDashboard } from "@/lib/dashboards/loaders";

export const metadata: Metadata = { title: "Dashboard" };

const roleLine = {
  admin: "The organisation at a glance: participation, averages by team and behaviour, and what to train on.",
  leader: "Who to coach on what next, who is due a 1:1, then your teams and your internal relationships.",
  rep: "Your self-assessment, your results once shared, and your coaching.",
} as const;

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const data = await loadDashboard(slug, await searchParams);
  return (
    <>
      <PageHeader title={data.role === "admin" ? data.orgName : `Welcome, ${data.userName.split(" ")[0]}`} description={roleLine[data.role]} />
      {data.role === "admin" ? (
        <AdminDashboard data={data} />
      ) : data.role === "leader" ? (
        <LeaderDashboard data={data} />
      ) : (
        <RepDashboard data={data} />
      )}
      {/* "Show all" links end in the table's #fragment; opened directly, the streamed page lands there too. */}
      <ScrollToHash />
    </>
  );
}
