/**
 * The grid's outline while it loads: its filters (the views of scores have them) and a box the size of the grid,
 * so nothing jumps.
 */
export function GridOutline({ filters }: { filters: boolean }) {
  return (
    <div role="status" aria-label="Loading the grid" className="animate-pulse space-y-3">
      {filters && (
        <div className="flex items-end gap-3">
          <div className="h-14 w-48 rounded-md bg-slate-200" />
          <div className="h-14 w-48 rounded-md bg-slate-200" />
        </div>
      )}
      <div className="h-[70vh] space-y-2 overflow-hidden rounded-lg bg-white p-3 ring-1 ring-slate-200">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className={i === 0 ? "h-8 rounded bg-slate-200" : "h-7 rounded bg-slate-100"} />
        ))}
      </div>
    </div>
  );
}
