"use client";

import { useSyncExternalStore } from "react";

const noChange = () => () => {};

/**
 * Shown when NEXTAUTH_URL names one address and the page was opened at another (127.0.0.1 or the machine's name
 * instead of localhost): every form would be refused there, so say plainly where to go instead.
 */
export function AddressNotice({ publicOrigin }: { publicOrigin?: string }) {
  const here = useSyncExternalStore(
    noChange,
    () => window.location.origin,
    () => null,
  );
  if (!publicOrigin || !here || here === publicOrigin) return null;
  const samePage = `${publicOrigin}${typeof window === "undefined" ? "" : window.location.pathname + window.location.search}`;
  return (
    <div role="alert" aria-label="Wrong address" className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-center text-sm text-amber-950">
      Coachgrid is set up to be used at <strong>{publicOrigin}</strong>, not at {here}: forms on this address will not work.{" "}
      <a href={samePage} className="font-semibold underline underline-offset-2">
        Open this page at {publicOrigin}
      </a>
    </div>
  );
}
