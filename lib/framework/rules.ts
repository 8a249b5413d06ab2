/** The framework's rules of thumb, shared by the page, the actions and the tests. */

/** The article's advice: 5, 8, 10 or 12 behaviours. Fewer says too little to coach on; more makes a grid unusable. */
const RECOMMENDED_BEHAVIOURS = { min: 5, max: 12 } as const;

/** A hard ceiling, far above the advice, so no grid ever grows without bound. */
export const MAX_ACTIVE_BEHAVIOURS = 30;

export const BEHAVIOUR_LIMITS = { name: 60, text: 300 } as const;

export const CYCLE_NAME_MAX = 40;

/** What the framework page says about the number of active behaviours, or null when it is within the advice. */
export function behaviourCountAdvice(active: number): string | null {
  const { min, max } = RECOMMENDED_BEHAVIOURS;
  const have = `You have ${active} active ${active === 1 ? "behaviour" : "behaviours"}`;
  if (active > max) return `${have}; ${min} to ${max} keep a grid usable. Consider archiving the ones that matter least.`;
  if (active < min)
    return `${have}; ${min} to ${max} give leaders enough to coach on. Consider adding the ones that predict success in your business.`;
  return null;
}
