import Link from "next/link";

/** The wordmark: a 3x3 grid glyph and the name. */
export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6">
        {[0, 1, 2].flatMap((row) =>
          [0, 1, 2].map((col) => (
            <rect
              key={`${row}-${col}`}
              x={2 + col * 7}
              y={2 + row * 7}
              width="6"
              height="6"
              rx="1.5"
              className={(row + col) % 2 === 0 ? "fill-brand-600" : "fill-brand-100"}
            />
          )),
        )}
      </svg>
      <span>Coachgrid</span>
    </Link>
  );
}
