import type { ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 max-w-2xl text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-end gap-2">{actions}</div>}
    </div>
  );
}

/** A titled card of a page. `id` makes it a link's target (`#id`), which lands below the sticky header. */
export function Panel({ id, title, description, children }: { id?: string; title?: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} className="scroll-mt-28 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6">
      {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      <div className={title || description ? "mt-5" : undefined}>{children}</div>
    </section>
  );
}
