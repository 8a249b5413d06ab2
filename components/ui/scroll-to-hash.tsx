"use client";

import { useEffect } from "react";

/**
 * Scrolls to the element the address's #fragment names, once this renders. A streamed page (behind a loading.tsx)
 * arrives after the browser looked for the fragment, so a link opened directly would land at the top.
 */
export function ScrollToHash() {
  useEffect(() => {
    // Not decoded: the ids it is for are plain words, and a malformed "%" must not throw (the page's error screen).
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return null;
}
