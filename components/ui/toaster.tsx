"use client";

import { Toaster as Sonner } from "sonner";

/** The app's toast region (sonner: announced to screen readers, dismissable with the keyboard). */
export function Toaster() {
  return <Sonner position="bottom-right" closeButton />;
}
