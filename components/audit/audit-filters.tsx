import Form from "next/form";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { auditHref, type AuditFilters } from "./audit-href";

type Option = { value: string; label: string };

type Props = {
  slug: string;
  timeZone: string;
  filters: AuditFilters;
  filtered: boolean;
  actors: Option[];
  actions: Option[];
};

/**
 * The log's filters as a plain GET form: the choices live in the URL, so a filtered view can be bookmarked
 * or shared, and it works without JavaScript. Applying filters starts again at page 1.
 */
export function AuditFilterForm({ slug, timeZone, filters, filtered, actors, actions }: Props) {
  const zone = timeZone.replaceAll("_", " ");
  return (
    <Form
      // Remount when the filters change (e.g. "Clear filters"), so the fields show what is applied.
      key={JSON.stringify(filters)}
      action={`/o/${slug}/audit`}
      role="search"
      aria-label="Filter the audit log"
      className="mb-6 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Person" name="actor" defaultValue={filters.actor ?? ""}>
          <option value="">Anyone</option>
          {actors.map((actor) => (
            <option key={actor.value} value={actor.value}>
              {actor.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">Any action</option>
          {actions.map((action) => (
            <option key={action.value} value={action.value}>
              {action.label}
            </option>
          ))}
        </SelectField>
        <TextField label="From" name="from" type="date" defaultValue={filters.from ?? ""} hint={`Start of the day, ${zone} time`} />
        <TextField label="To" name="to" type="date" defaultValue={filters.to ?? ""} hint={`End of the day, ${zone} time`} />
      </div>
      <div className="mt-4 flex flex-wrap items-center justify-end gap-3">
        {filtered && (
          <Link href={auditHref(slug, {})} className={buttonClasses("ghost", "sm")}>
            Clear filters
          </Link>
        )}
        <button type="submit" className={buttonClasses("primary", "sm")}>
          Apply filters
        </button>
      </div>
    </Form>
  );
}
