/** The id of the `<main>` the skip link jumps to, on every page with the signed-in header. */
export const MAIN_ID = "main";

/**
 * "Skip to main content": the first tab stop of every signed-in page, hidden until focused, so a keyboard user
 * does not tab through the header and the navigation to reach the page. The target `<main>` has tabIndex -1.
 */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow-md ring-2 ring-brand-600 focus:not-sr-only focus:fixed focus:top-4 focus:left-4 focus:z-50"
    >
      Skip to main content
    </a>
  );
}
