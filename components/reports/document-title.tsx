"use client";

import { useEffect } from "react";

/**
 * Names the browser tab and a "Save as PDF" file after the report ("Coaching report · Sam Rivera · Q4 2026").
 * Set here rather than in generateMetadata: a route's metadata also runs when a link to it is prefetched, and
 * every page linking to a report would then pay for loading it.
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = `${title} · Coachgrid`;
  }, [title]);
  return null;
}
