import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Logo } from "@/components/shell/logo";
import { SampleGrid } from "@/components/marketing/sample-grid";

const steps = [
  {
    title: "Name the behaviours that predict success",
    body: "Prospecting, presenting, talking about money, getting to decision-makers: the 5 to 12 things your people must do well in your business.",
  },
  {
    title: "Rate every rep, 1 to 5, in one grid",
    body: "People down the side, behaviours across the top. Averages per person and across the organisation show where the team stands.",
  },
  {
    title: "Compare with each rep's self-assessment",
    body: "Blind until both are in. The gap between your view and theirs tells you exactly what to coach on next.",
  },
  {
    title: "Build trust with the departments sales needs",
    body: "Joint goals, one-on-one lunches, “what do we do that makes you crazy?” — and the answer from their side too.",
  },
];

export default function LandingPage() {
  return (
    <div className="min-h-screen bg-white">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-5">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          <Link href="/login" className={buttonClasses("ghost")}>
            Sign in
          </Link>
          <Link href="/signup" className={buttonClasses("primary")}>
            Start free
          </Link>
        </nav>
      </header>
      <main>
        <section className="mx-auto grid max-w-6xl items-center gap-12 px-6 pt-10 pb-16 lg:grid-cols-2">
          <div>
            <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">For sales leaders who coach</p>
            <h1 className="mt-3 text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
              Stop carrying the bag. Start coaching what predicts the number.
            </h1>
            <p className="mt-5 text-lg text-slate-600">
              Coachgrid turns your judgement about your reps into a grid you can act on: the behaviours that matter, your rating and theirs, and a
              clear next thing to coach for every person.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/signup" className={buttonClasses("primary", "lg")}>
                Create your organisation
              </Link>
              <Link href="/login" className={buttonClasses("secondary", "lg")}>
                Sign in
              </Link>
            </div>
          </div>
          <SampleGrid />
        </section>
        <section aria-labelledby="method" className="border-t border-slate-100 bg-slate-50">
          <div className="mx-auto max-w-6xl px-6 py-16">
            <h2 id="method" className="text-2xl font-semibold tracking-tight text-slate-900">
              The method, step by step
            </h2>
            <ol className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
              {steps.map((step, index) => (
                <li key={step.title} className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
                  <span className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700">
                    {index + 1}
                  </span>
                  <h3 className="mt-4 font-semibold text-slate-900">{step.title}</h3>
                  <p className="mt-2 text-sm text-slate-600">{step.body}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-6xl px-6 py-8 text-sm text-slate-500">Coachgrid — a coaching grid for sales teams.</footer>
    </div>
  );
}
