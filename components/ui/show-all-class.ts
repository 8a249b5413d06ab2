/** The look of the "Show all" / "Show the first only" toggle under a cut list, a button or a link. */
export const showAllClass = "mt-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline";
