import { buttonClasses } from "@/components/ui/button";

type Cycle = { id: string; name: string; status: string };

/** The cycle a results page shows: a GET form, so the URL keeps the choice and it works without scripts. */
export function CyclePicker({ cycles, cycleId, label = "Cycle" }: { cycles: Cycle[]; cycleId: string | null; label?: string }) {
  return (
    <form method="get" aria-label="Choose the cycle" className="flex flex-wrap items-end gap-2">
      <div className="space-y-1.5">
        <label htmlFor="results-cycle" className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <select
          id="results-cycle"
          name="cycle"
          defaultValue={cycleId ?? ""}
          className="block rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
        >
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.status === "open" ? " (open)" : ""}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        Show
      </button>
    </form>
  );
}
