import { StatusPage } from "@/components/status/status-page";

export default function Forbidden() {
  return (
    <StatusPage code="403" title="Not available for your role">
      You are a member of this organisation, but your role does not include this page. An admin can change your role.
    </StatusPage>
  );
}
