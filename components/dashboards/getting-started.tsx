import Link from "next/link";
import type { Step } from "@/lib/dashboards/getting-started";
import { buttonClasses } from "@/components/ui/button";

/** The method as a checklist for a new organisation; the first open step is the call to action. */
export function GettingStarted({ slug, steps }: { slug: string; steps: Step[] }) {
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done);
  return (
    <section aria-labelledby="getting-started-heading" className="rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="getting-started-heading" className="text-base font-semibold text-slate-900">
          Getting started: coach on what predicts success
        </h2>
        <p className="text-sm text-slate-600">
          {done} of {steps.length} steps done
        </p>
      </div>
      <ol className="mt-4 space-y-3">
        {steps.map((step, i) => (
          <li key={step.id} className="flex gap-3">
            <span
              aria-hidden
              className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                step.done ? "bg-emerald-600 text-white" : step === next ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"
              }`}
            >
              {step.done ? "✓" : i + 1}
            </span>
            <div className="min-w-0 flex-1">
              <p className={`text-sm font-medium ${step.done ? "text-slate-600" : "text-slate-900"}`}>
                {step.title}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </p>
              <p className="text-sm text-slate-600">{step.why}</p>
              {step === next && (
                <Link href={`/o/${slug}/${step.href}`} className={buttonClasses("primary", "sm", "mt-2")}>
                  {step.cta}
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
