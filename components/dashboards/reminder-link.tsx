"use client";

import { useSyncExternalStore } from "react";
import { noSubscription } from "@/components/ui/use-hydrated";

/**
 * "Send a reminder": opens the leader's own mail app with a short note and the direct link to the rep's
 * self-assessment, for a personal word (Coachgrid's own reminders are on the self-assessments page). The link
 * needs the browser's origin, hence a client part.
 */
export function ReminderLink({
  slug,
  rep,
  cycleName,
  leaderName,
}: {
  slug: string;
  rep: { name: string; email: string };
  cycleName: string;
  leaderName: string;
}) {
  const path = `/o/${slug}/self-assessment`;
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const link = `${origin}${path}`;
  const firstName = rep.name.split(" ")[0];
  const body = `Hi ${firstName},\n\nA reminder to complete your self-assessment for ${cycleName}. It takes about ten minutes:\n${link}\n\nThanks,\n${leaderName}`;
  const href = `mailto:${encodeURIComponent(rep.email)}?subject=${encodeURIComponent(`Your self-assessment for ${cycleName}`)}&body=${encodeURIComponent(body)}`;
  return (
    <a href={href} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
      Send a reminder<span className="sr-only"> to {rep.name}</span>
    </a>
  );
}
