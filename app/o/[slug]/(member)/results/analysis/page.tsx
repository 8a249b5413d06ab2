import type { Metadata } from "next";
import { CyclePicker } from "@/components/baseline/cycle-picker";
import { EffectTable } from "@/components/results-analysis/coaching-effect";
import { MeasureRelationsList } from "@/components/results-analysis/relations";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadResultsAnalysis } from "@/lib/results/analysis-loaders";

export const metadata: Metadata = { title: "What predicts results" };

export default async function ResultsAnalysisPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cycle?: string | string[] }>;
}) {
  const { slug } = await params;
  const { cycle: chosen } = await searchParams;
  const page = await loadResultsAnalysis(slug, { cycle: typeof chosen === "string" ? chosen : undefined });
  const { minReps, minPlans } = page.rules;
  const pooled = page.pooledCycleNames;
  const pooledLabel = pooled.length > 1 ? `${pooled.at(-1)} to ${pooled[0]} pooled` : `${pooled[0] ?? ""} pooled`;
  const who = page.scope === "organisation" ? "across the organisation's reps" : "across the reps of the teams you lead";

  return (
    <div className="space-y-6">
      <PageHeader
        title="What predicts results"
        description={
          <>
            Which behaviours go with sales results {who}, and whether coaching plans moved the behaviour. This is association across reps, not proof
            that a behaviour causes results; small teams give wide intervals.
          </>
        }
      />
      {page.cycles.length > 0 && <CyclePicker cycles={page.cycles} current={page.cycle?.id} />}

      {!page.cycle ? (
        <EmptyState title="No rated cycle yet">The figures appear once leaders have rated reps in a cycle and its results are in.</EmptyState>
      ) : page.measures.length === 0 ? (
        <EmptyState title="No measures yet">
          An admin adds the measures (quota attainment, win rate…) and each cycle&apos;s results under Results.
        </EmptyState>
      ) : (
        page.relations.map((m) => (
          <Panel
            key={m.measure.id}
            title={`Which behaviours go with ${m.measure.name}${m.measure.id === page.measures.find((x) => x.isMain)?.id ? " (main measure)" : ""}`}
            description={
              <>
                Spearman&apos;s rank correlation (ρ) between the score and {m.measure.name} across reps, with its 95% confidence interval
                (Fisher&apos;s z, Bonett-Wright standard error). {page.cycle!.name} alone counts each rep once; pooled counts each rep once per cycle
                ({pooled.join(", ")}), so the same rep appears several times and the pooled interval is if anything too narrow. A figure needs at
                least {minReps} reps; an interval that includes zero is &ldquo;no clear relation yet&rdquo;.{" "}
                {m.measure.higherIsBetter
                  ? "Higher is better here, so a positive ρ goes with better results."
                  : `Lower is better for ${m.measure.name}: ρ keeps its sign, so a negative ρ means higher scores go with lower, that is better, ${m.measure.name}.`}
                {m.behaviours.some((b) => b.self) &&
                  (page.blindMode
                    ? " Self ratings count only where you may see them: blind mode is on, so only those of reps who have submitted."
                    : " Self ratings are the reps' own, beside the leader's.")}
              </>
            }
          >
            <MeasureRelationsList relations={m} cycleName={page.cycle!.name} pooledLabel={pooledLabel} />
          </Panel>
        ))
      )}

      <Panel
        title="Did coaching move the behaviour?"
        description={
          <>
            For each coaching plan that started in a cycle: the rep&apos;s change in the leader&apos;s score on the plan&apos;s behaviour from that
            cycle to the next one in which it was scored, against reps who started from the same score on the same behaviour without a plan (so a low
            score rising anyway counts on both sides), and against the same rep&apos;s behaviours without a plan, over the same two cycles. Every
            cycle&apos;s plans count, whichever cycle is chosen above. A figure needs at least {minPlans} plans with something to compare against. A
            difference says coached behaviours moved more (or less) than comparable ones, not that the plan alone moved them.
          </>
        }
      >
        {page.effect.plans === 0 ? (
          <EmptyState title="No plan has a later score yet">
            {page.effect.waiting > 0
              ? `${page.effect.waiting} ${page.effect.waiting === 1 ? "plan waits" : "plans wait"} for the next cycle's leader scores.`
              : "Plans made in one cycle show here once the rep is scored in the next."}
          </EmptyState>
        ) : (
          <div className="space-y-8">
            <p className="text-sm text-slate-600">
              {page.effect.plans} {page.effect.plans === 1 ? "plan has" : "plans have"} a later score
              {page.effect.waiting > 0 && `; ${page.effect.waiting} more ${page.effect.waiting === 1 ? "waits" : "wait"} for the next cycle`}.
            </p>
            <EffectTable title="Per behaviour" column="Behaviour" groups={page.effect.byBehaviour} minPlans={minPlans} />
            <EffectTable title="Per leader" column="Leader who made the plan" groups={page.effect.byLeader} minPlans={minPlans} />
          </div>
        )}
      </Panel>
    </div>
  );
}
