/** The advice on how many behaviours to keep, shown to admins when the list is outside it. */
export function CountNotice({ advice }: { advice: string }) {
  return (
    <div role="note" className="mb-6 flex gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
      <span aria-hidden="true" className="font-bold">
        !
      </span>
      <p>{advice}</p>
    </div>
  );
}
