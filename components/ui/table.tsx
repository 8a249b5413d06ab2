import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * A plain data table with the product's styling. Scrolls horizontally inside its frame on small screens, with a
 * shadow at the edge that has more (scroll-cue-x). Pages a rep sees must not need it: they stack their rows instead.
 */
export function Table({ className, caption, ...props }: HTMLAttributes<HTMLTableElement> & { caption?: string }) {
  return (
    // A labelled, focusable region: keyboard users can scroll a wide table on a phone.
    <div
      role="region"
      aria-label={caption}
      tabIndex={caption ? 0 : undefined}
      className="overflow-x-auto rounded-lg scroll-cue-x ring-1 ring-slate-200"
    >
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", className)} {...props}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {props.children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-4 py-3 text-slate-800", className)} {...props} />;
}
