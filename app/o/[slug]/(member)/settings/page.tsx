import type { Metadata } from "next";
import { CoachingSettingsForm } from "@/components/coaching/coaching-settings-form";
import { DepartmentsPanel } from "@/components/departments/departments-panel";
import { EmailDeliveryPanel } from "@/components/mail/email-delivery-panel";
import { OrganisationSettingsForm } from "@/components/organisations/settings-form";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadOrganisationSettings } from "@/lib/organisations/loaders";
import { timeZoneOptions } from "@/lib/schemas/fields";

export const metadata: Metadata = { title: "Settings" };

export default async function OrganisationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const settings = await loadOrganisationSettings(slug);
  return (
    <>
      <PageHeader title="Organisation settings" description="Only admins see this page." />
      <div className="max-w-2xl space-y-6">
        <Panel title="General" description="The name everyone sees, the time zone for due dates and “overdue”, and how ratings are revealed.">
          <OrganisationSettingsForm
            slug={settings.slug}
            name={settings.name}
            timeZone={settings.timeZone}
            blindMode={settings.blindMode}
            timeZones={timeZoneOptions()}
          />
        </Panel>
        <section id="coaching" className="scroll-mt-24">
          <Panel
            title="Coaching"
            description="How the coaching queue labels each gap (self minus leader), and how often leaders should hold a 1:1 with each rep."
          >
            <CoachingSettingsForm slug={settings.slug} settings={settings.coaching} />
          </Panel>
        </section>
        <Panel
          title="Departments"
          description="The peer departments leaders keep relationships with. Archiving one keeps its relationships and their history."
        >
          <DepartmentsPanel slug={settings.slug} departments={settings.departments} />
        </Panel>
      </div>
      <section id="email-delivery" className="mt-6 scroll-mt-24">
        <Panel
          title="Email delivery"
          description="The latest mails of this organisation. A waiting mail is retried on its own; a failed one was refused by the mail server or gave up after several tries."
        >
          <EmailDeliveryPanel mails={settings.mails} timeZone={settings.timeZone} />
        </Panel>
      </section>
    </>
  );
}
