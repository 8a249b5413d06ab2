"use client";

import { useLayoutEffect } from "react";

/**
 * Names the browser tab and a "Save as PDF" file after the report ("Coaching report · Sam Rivera · Q4 2026").
 * Set here rather than in generateMetadata: a route's metadata also runs when a link to it is prefetched, and
 * every page linking to a report would then pay for loading it.
 *
 * After a client-side navigation Next can commit the route's own metadata title ("Coaching report") after this
 * effect has run, so the effect also watches the head and puts this title back whenever something replaces it.
 */
export function DocumentTitle({ title }: { title: string }) {
  // A layout effect: on leaving the report its cleanup runs within the commit that swaps the page, before the
  // observer could see the next page's title and put this one back.
  useLayoutEffect(() => {
    const wanted = `${title} · Coachgrid`;
    const apply = () => {
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [title]);
  return null;
}
