"use client";

import "./globals.css";

/** Shown when even the root layout fails; it must render its own html and body. */
export default function GlobalError({ retry }: { error: Error; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center font-sans">
        <main className="text-center">
          <h1 className="text-2xl font-semibold">Coachgrid is having trouble</h1>
          <p className="mt-2 text-slate-600">Try again in a moment.</p>
          <button type="button" onClick={retry} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
