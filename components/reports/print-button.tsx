"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog, where "Save as PDF" makes the document. Never printed itself. */
export function PrintButton() {
  return (
    <Button onClick={() => window.print()} className="print:hidden">
      Print / Save as PDF
    </Button>
  );
}
