import { useSyncExternalStore } from "react";

/** A subscription for useSyncExternalStore over a browser value that does not change while the page is open. */
export const noSubscription = () => () => {};

/** False on the server and while the page hydrates, true from the render after. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
