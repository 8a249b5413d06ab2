"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { saveSelfRating, submitSelfAssessment } from "@/lib/assessments/actions";
import type { loadSelfAssessment } from "@/lib/assessments/loaders";
import type { AssessmentStatus } from "@/lib/assessments/visibility";
import type { ActionState } from "@/lib/chain/outcome";
import { formatGap } from "./format";
import { ScoreChoice } from "./score-choice";

type Page = Awaited<ReturnType<typeof loadSelfAssessment>>;
type Behaviour = Page["behaviours"][number];
type Answer = { score: number | null; comment: string };
type SaveState = "idle" | "saving" | "saved" | "error";

const COMMENT_MAX = 1000;
const COMMENT_DEBOUNCE_MS = 800;

/**
 * The rep's self-assessment for the current cycle. Every change autosaves as a draft (comments after a short
 * pause); each card says whether its answer is saved. Saves of one card run one after another, so the last
 * answer given is the one stored. Submitting goes through a summary of every answer.
 */
export function SelfAssessmentForm({
  slug,
  cycleId,
  cycleName,
  status,
  submittedOn,
  leaderVisible,
  behaviours,
}: {
  slug: string;
  cycleId: string;
  cycleName: string;
  status: AssessmentStatus;
  submittedOn: string | null;
  leaderVisible: boolean;
  behaviours: Behaviour[];
}) {
  const router = useRouter();
  const readOnly = status === "submitted" || status === "shared";
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(behaviours.map((b) => [b.id, { score: b.self.score, comment: b.self.comment ?? "" }])),
  );
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const [reviewing, setReviewing] = useState(false);
  const [submitting, startSubmit] = useTransition();

  const latest = useRef(answers);
  const inflight = useRef(new Map<string, Promise<boolean>>());
  const dirty = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const failed = useRef(new Set<string>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const nameOf = (id: string) => behaviours.find((b) => b.id === id)?.name ?? "This behaviour";
  const setSave = (id: string, state: SaveState) => setSaves((s) => ({ ...s, [id]: state }));

  function save(id: string): Promise<boolean> {
    const running = inflight.current.get(id);
    if (running) {
      dirty.current.add(id);
      return running;
    }
    const run = (async () => {
      let ok = true;
      do {
        dirty.current.delete(id);
        const answer = latest.current[id]!;
        setSave(id, "saving");
        let result: ActionState<unknown>;
        try {
          result = await saveSelfRating(slug, { cycleId, behaviourId: id, score: answer.score, comment: answer.comment.trim() || null });
        } catch {
          result = { status: "error", code: "conflict", message: "Check your connection and try again." };
        }
        ok = result.status === "ok";
        if (result.status === "error") {
          dirty.current.delete(id);
          failed.current.add(id);
          setSave(id, "error");
          toast.error(`Couldn't save ${nameOf(id)}: ${result.fieldErrors ? Object.values(result.fieldErrors)[0] : result.message}`);
        }
      } while (ok && dirty.current.has(id));
      if (ok) {
        failed.current.delete(id);
        setSave(id, "saved");
      }
      return ok;
    })().finally(() => inflight.current.delete(id));
    inflight.current.set(id, run);
    return run;
  }

  function update(id: string, change: Partial<Answer>) {
    latest.current = { ...latest.current, [id]: { ...latest.current[id]!, ...change } };
    setAnswers(latest.current);
  }

  function chooseScore(id: string, score: number) {
    update(id, { score });
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    void save(id);
  }

  function typeComment(id: string, comment: string) {
    update(id, { comment });
    clearTimeout(timers.current.get(id));
    timers.current.set(
      id,
      setTimeout(() => {
        timers.current.delete(id);
        void save(id);
      }, COMMENT_DEBOUNCE_MS),
    );
  }

  /** Saves every answer still waiting for its pause, and waits for saves in flight. */
  async function flush(): Promise<boolean> {
    const waiting = [...timers.current.keys()];
    waiting.forEach((id) => clearTimeout(timers.current.get(id)));
    timers.current.clear();
    const ids = new Set([...waiting, ...inflight.current.keys(), ...failed.current]);
    const results = await Promise.all([...ids].map((id) => save(id)));
    return results.every(Boolean);
  }

  const rated = behaviours.filter((b) => answers[b.id]?.score != null).length;
  const unrated = behaviours.length - rated;

  function openReview(open: boolean) {
    setReviewing(open);
    if (open) void flush();
  }

  function submit() {
    startSubmit(async () => {
      if (!(await flush())) {
        toast.error("Some answers are not saved yet. Retry them, then submit.");
        return;
      }
      const result = await submitSelfAssessment(slug, { cycleId });
      if (result.status === "ok") {
        toast.success("Self-assessment submitted.");
        setReviewing(false);
        router.refresh();
      } else if (result.status === "error") {
        toast.error(result.message);
      }
    });
  }

  return (
    <div className="space-y-6">
      <StatusNote status={status} leaderVisible={leaderVisible} cycleName={cycleName} submittedOn={submittedOn} />

      {!readOnly && (
        <div className="space-y-2" aria-live="polite">
          <p className="text-sm font-medium text-slate-800">
            {rated} of {behaviours.length} rated
          </p>
          <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-200">
            <div
              className="h-full rounded-full bg-brand-600 transition-[width]"
              style={{ width: `${behaviours.length ? (rated / behaviours.length) * 100 : 0}%` }}
            />
          </div>
        </div>
      )}

      <ol className="space-y-4">
        {behaviours.map((b, index) => (
          <li key={b.id}>
            <BehaviourCard
              index={index + 1}
              behaviour={b}
              answer={answers[b.id]!}
              save={saves[b.id] ?? "idle"}
              readOnly={readOnly}
              leaderVisible={leaderVisible}
              onScore={(score) => chooseScore(b.id, score)}
              onComment={(comment) => typeComment(b.id, comment)}
              onRetry={() => void save(b.id)}
            />
          </li>
        ))}
      </ol>

      {!readOnly && (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-600">{unrated === 0 ? "Every behaviour is rated." : `${unrated} still to rate.`}</p>
          <Dialog
            open={reviewing}
            onOpenChange={openReview}
            title={`Submit your self-assessment for ${cycleName}?`}
            description="Check your answers. Once submitted, only your leader can reopen it for changes."
            trigger={<Button className="w-full sm:w-auto">Review and submit</Button>}
          >
            <ul className="max-h-[50vh] space-y-1 overflow-y-auto" aria-label="Your answers">
              {behaviours.map((b) => {
                const score = answers[b.id]?.score;
                return (
                  <li
                    key={b.id}
                    className={cn(
                      "flex items-center justify-between gap-3 rounded-md px-3 py-2 text-sm",
                      score == null ? "bg-amber-50 text-amber-900 ring-1 ring-amber-300 ring-inset" : "bg-slate-50 text-slate-800",
                    )}
                  >
                    <span className="min-w-0">{b.name}</span>
                    <span className="shrink-0 font-semibold">{score == null ? "Not rated" : score}</span>
                  </li>
                );
              })}
            </ul>
            {unrated > 0 && (
              <p role="alert" className="mt-3 text-sm text-amber-900">
                Rate the {unrated === 1 ? "highlighted behaviour" : `${unrated} highlighted behaviours`} before submitting.
              </p>
            )}
            <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => setReviewing(false)}>
                Keep editing
              </Button>
              <Button onClick={submit} disabled={unrated > 0 || submitting}>
                {submitting ? "Submitting…" : "Submit self-assessment"}
              </Button>
            </div>
          </Dialog>
        </div>
      )}
    </div>
  );
}

function StatusNote({
  status,
  leaderVisible,
  cycleName,
  submittedOn,
}: {
  status: AssessmentStatus;
  leaderVisible: boolean;
  cycleName: string;
  submittedOn: string | null;
}) {
  if (status === "submitted" || status === "shared") {
    return (
      <div role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
        <p className="font-medium">
          You submitted your self-assessment for {cycleName}
          {submittedOn ? ` on ${submittedOn}` : ""}.
        </p>
        <p className="mt-0.5">
          Your answers are read-only now; your leader can reopen it if you need to change one.
          {leaderVisible ? " Your leader's ratings are shown beside yours." : " You will see your leader's ratings here once they share them."}
        </p>
      </div>
    );
  }
  return (
    <p className="text-sm text-slate-600">
      Rate yourself 1 to 5 on each behaviour. Every answer is saved as a draft as you go; nothing reaches your leader until you submit.
      {leaderVisible && " Your leader's ratings are shown beside yours."}
    </p>
  );
}

function BehaviourCard({
  index,
  behaviour,
  answer,
  save,
  readOnly,
  leaderVisible,
  onScore,
  onComment,
  onRetry,
}: {
  index: number;
  behaviour: Behaviour;
  answer: Answer;
  save: SaveState;
  readOnly: boolean;
  leaderVisible: boolean;
  onScore: (score: number) => void;
  onComment: (comment: string) => void;
  onRetry: () => void;
}) {
  const commentId = useId();
  const headingId = useId();
  const leader = leaderVisible ? behaviour.leader : undefined;
  const gap = leader?.score != null && answer.score != null ? answer.score - leader.score : null;
  const anchors = ([1, 3, 5] as const).filter((level) => behaviour.anchors[level]);

  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6">
      <div className="flex items-start justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          <span className="text-slate-500">{index}. </span>
          {behaviour.name}
        </h2>
        {!readOnly && <SaveIndicator state={save} onRetry={onRetry} />}
      </div>
      {behaviour.description && <p className="mt-1 text-sm text-slate-600">{behaviour.description}</p>}
      {anchors.length > 0 && (
        <dl className="mt-3 space-y-1.5 text-sm">
          {anchors.map((level) => (
            <div key={level} className="flex gap-2">
              <dt className="w-6 shrink-0 font-semibold text-slate-700">{level}</dt>
              <dd className="min-w-0 text-slate-600">{behaviour.anchors[level]}</dd>
            </div>
          ))}
        </dl>
      )}

      <div className="mt-4 space-y-4">
        <ScoreChoice
          name={`score-${behaviour.id}`}
          legend={`Your score for ${behaviour.name}`}
          value={answer.score}
          disabled={readOnly}
          onChange={onScore}
        />
        {readOnly ? (
          answer.comment && (
            <div className="text-sm">
              <p className="font-medium text-slate-800">Your comment</p>
              <p className="mt-0.5 break-words whitespace-pre-line text-slate-700">{answer.comment}</p>
            </div>
          )
        ) : (
          <div className="space-y-1.5">
            <label htmlFor={commentId} className="block text-sm font-medium text-slate-800">
              Comment <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <textarea
              id={commentId}
              rows={2}
              maxLength={COMMENT_MAX}
              value={answer.comment}
              onChange={(e) => onComment(e.target.value)}
              aria-describedby={`${commentId}-count`}
              className="block w-full rounded-md border-0 bg-white px-3 py-2 text-base text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 focus:ring-inset sm:text-sm"
            />
            <p id={`${commentId}-count`} className="text-right text-xs text-slate-500">
              {answer.comment.length} / {COMMENT_MAX}
            </p>
          </div>
        )}
      </div>

      {leader && (
        <div className="mt-4 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
          <dl className="grid grid-cols-3 gap-2 text-center">
            <div>
              <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">You</dt>
              <dd className="text-lg font-semibold text-slate-900">{answer.score ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">Leader</dt>
              <dd data-testid="leader-score" className="text-lg font-semibold text-slate-900">
                {leader.score ?? "—"}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">Gap</dt>
              <dd className="text-lg font-semibold text-slate-900">{formatGap(gap)}</dd>
            </div>
          </dl>
          {leader.comment && (
            <div className="mt-2 border-t border-slate-200 pt-2">
              <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">Leader&rsquo;s comment</p>
              <p className="mt-0.5 break-words whitespace-pre-line text-slate-800">{leader.comment}</p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <div className="flex shrink-0 items-center gap-2">
      <span role="status" className="text-xs">
        {state === "saving" && <span className="text-slate-600">Saving…</span>}
        {state === "saved" && <Badge tone="green">Saved</Badge>}
        {state === "error" && <Badge tone="red">Couldn&rsquo;t save</Badge>}
      </span>
      {state === "error" && (
        <Button size="sm" variant="secondary" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}
