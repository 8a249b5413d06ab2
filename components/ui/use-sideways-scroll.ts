"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * Whether a box scrolls sideways at all (its content is wider than it), and whether it has more to the right of what
 * shows; kept current as it scrolls and resizes. For a visible cue on a wide scroll area (see the rating grid).
 */
export function useSidewaysScroll(ref: RefObject<HTMLElement | null>): { scrolls: boolean; moreRight: boolean } {
  const [state, setState] = useState({ scrolls: false, moreRight: false });
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const update = () => {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      const moreRight = scrolls && box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
      setState((s) => (s.scrolls === scrolls && s.moreRight === moreRight ? s : { scrolls, moreRight }));
    };
    // A ResizeObserver reports once as soon as it observes, so this also sets the first state.
    const observer = new ResizeObserver(update);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    box.addEventListener("scroll", update, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", update);
    };
  }, [ref]);
  return state;
}
