"use client";

import { useCallback, useRef, useState, type ComponentType, type ReactNode } from "react";

/** What a deferred menu's content receives: open at once (pressed before it loaded), and a ref for its trigger. */
export type MenuLoadState = { defaultOpen: boolean; triggerRef: (element: HTMLButtonElement | null) => void };

type Props<P> = {
  /** Loads the menu (a Radix dropdown): `() => import("./…")`. Called once, on the first sign of intent. */
  load: () => Promise<{ default: ComponentType<P & MenuLoadState> }>;
  props: P;
  /** The trigger's accessible name, look and content: the same before and after the menu has loaded. */
  label: string;
  className: string;
  children: ReactNode;
};

/**
 * A header menu whose code (Radix dropdown, popper, focus management: about 30 KB gzip) is not part of the page's
 * first load. Until then its trigger is a plain button that looks and is named the same; pointing at it, focusing
 * it or pressing it loads the menu, and a press before the code has arrived opens the menu as soon as it has.
 * Keyboard focus stays on the trigger across the swap.
 */
export function DeferredMenu<P extends object>({ load, props, label, className, children }: Props<P>) {
  const [Menu, setMenu] = useState<ComponentType<P & MenuLoadState> | null>(null);
  const [open, setOpen] = useState(false);
  const loading = useRef<Promise<unknown> | null>(null);
  const focused = useRef(false);

  const start = useCallback(() => {
    loading.current ??= load().then((module) => setMenu(() => module.default));
  }, [load]);
  const triggerRef = useCallback((element: HTMLButtonElement | null) => {
    if (element && focused.current && document.activeElement !== element) element.focus();
  }, []);

  if (Menu) return <Menu {...props} defaultOpen={open} triggerRef={triggerRef} />;
  const press = () => {
    setOpen(true);
    start();
  };
  return (
    <button
      type="button"
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      className={className}
      onPointerEnter={start}
      onFocus={() => {
        focused.current = true;
        start();
      }}
      onBlur={() => (focused.current = false)}
      onClick={press}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          press();
        }
      }}
    >
      {children}
    </button>
  );
}
