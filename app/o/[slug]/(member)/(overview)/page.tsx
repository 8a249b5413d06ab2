import type { Metadata } from "next";
import { TeamsOverview } from "@/components/organisations/teams-overview";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrganisationHome } from "@/lib/organisations/loaders";

export const metadata: Metadata = { title: "Overview" };

const roleLine = {
  admin: "You are an admin: you see every team.",
  leader: "You are a leader: these are the teams you lead.",
  rep: "You are a rep: this is your team.",
} as const;

export default async function OrganisationHomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const home = await loadOrganisationHome(slug);
  return (
    <>
      <PageHeader title={home.orgName} description={roleLine[home.role]} />
      <TeamsOverview teams={home.teams} role={home.role} />
    </>
  );
}
