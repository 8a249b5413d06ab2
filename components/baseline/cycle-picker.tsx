import { buttonClasses } from "@/components/ui/button";

/** A plain GET form that reloads the page for another cycle (no script needed). Hidden in print. */
export function CyclePicker({ cycles, current }: { cycles: { id: string; name: string; status: string }[]; current: string | undefined }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2 print:hidden">
      <div className="space-y-1.5">
        <label htmlFor="cycle-picker" className="block text-sm font-medium text-slate-800">
          Cycle
        </label>
        <select
          id="cycle-picker"
          name="cycle"
          defaultValue={current}
          className="rounded-md border-0 bg-white py-2 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
        >
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.status === "open" ? " (current)" : ""}
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
