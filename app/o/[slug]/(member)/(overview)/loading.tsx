/**
 * Shown while the overview loads: the page's outline, so nothing jumps when data arrives.
 * It sits in this route group, not at /o/[slug]: a loading boundary streams the response at once, and a page
 * below it could then no longer answer 403 with a real status code (settings, for one).
 */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse space-y-6">
      <div className="h-7 w-64 rounded bg-slate-200" />
      <div className="h-4 w-96 max-w-full rounded bg-slate-200" />
      <div className="grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-28 rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
