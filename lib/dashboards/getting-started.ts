import type { gettingStartedFacts } from "@/db/queries/dashboards";

type Facts = Awaited<ReturnType<typeof gettingStartedFacts>>;

export type Step = { id: string; title: string; why: string; href: string; cta: string; done: boolean };

/**
 * The method, as a checklist for a new organisation: each step says why it matters (the article's words,
 * briefly) and links to where it is done. The dashboard shows it until every step is done.
 */
export function gettingStartedSteps(facts: Facts): Step[] {
  return [
    {
      id: "behaviours",
      title: "Confirm the behaviours that predict success",
      why: "Write down the 5 to 12 things your best people do. The starter list is a draft: make it yours.",
      href: "framework",
      cta: "Review the behaviours",
      done: Boolean(facts.frameworkConfirmed),
    },
    {
      id: "people",
      title: "Invite your leaders and reps",
      why: "Leaders rate and coach their team; reps join through a link and assess themselves.",
      href: facts.hasLeader ? "invites" : "teams",
      cta: "Invite people",
      done: Boolean(facts.hasLeader && facts.hasRep),
    },
    {
      id: "cycle",
      title: "Open an assessment cycle",
      why: "A cycle is one round of ratings, say a quarter. Comparing cycles shows who is improving.",
      href: "cycles",
      cta: "Open a cycle",
      done: Boolean(facts.cycleOpened),
    },
    {
      id: "rate",
      title: "Rate every rep 1 to 5 on each behaviour",
      why: "The grid gives two averages: each person across the behaviours, and each behaviour across the team.",
      href: "grid",
      cta: "Open the grid",
      done: Boolean(facts.rated),
    },
    {
      id: "share",
      title: "Compare with the self-assessment and share the results",
      why: "Where your view and the rep's differ is what to coach on. Share once the rep has submitted.",
      href: "grid?view=gap",
      cta: "See the gaps",
      done: Boolean(facts.shared),
    },
  ];
}
