import Link from "next/link";
import { buttonClasses } from "./button";
import { SelectField } from "./field";

type Props = {
  teams: { id: string; name: string }[];
  /** The team shown now; none for all teams. */
  team: string | null | undefined;
  submitLabel: string;
  /** A link back to all teams, beside the button. */
  clearHref?: string;
  className?: string;
  selectClassName?: string;
};

/** A GET form that narrows a page to one team (`?team=`), or all of them. */
export function TeamFilter({ teams, team, submitLabel, clearHref, className, selectClassName }: Props) {
  return (
    <form method="get" role="search" aria-label="Filter by team" className={className}>
      <SelectField label="Team" name="team" defaultValue={team ?? ""} className={selectClassName}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className={buttonClasses("secondary")}>
        {submitLabel}
      </button>
      {clearHref && (
        <Link href={clearHref} className={buttonClasses("ghost")}>
          Clear
        </Link>
      )}
    </form>
  );
}
