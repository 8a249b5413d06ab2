import { StatusPage } from "@/components/status/status-page";

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page not found">
      This page does not exist, or you do not have access to it.
    </StatusPage>
  );
}
