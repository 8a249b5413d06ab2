import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

type Filter = { q?: string; role?: string; status?: string; team?: string };

/** Search and filters as a plain GET form: the URL holds them, so a filtered list can be shared and reloaded. */
export function MemberFilters({ filter, teams, basePath }: { filter: Filter; teams: { id: string; name: string }[]; basePath: string }) {
  return (
    <form method="get" role="search" aria-label="Filter members" className="mb-4 flex flex-wrap items-end gap-3">
      <TextField label="Search" name="q" type="search" placeholder="Name or email" defaultValue={filter.q ?? ""} className="w-64" />
      <SelectField label="Role" name="role" defaultValue={filter.role ?? ""} className="w-36">
        <option value="">Any role</option>
        <option value="admin">Admin</option>
        <option value="leader">Leader</option>
        <option value="rep">Rep</option>
      </SelectField>
      <SelectField label="Status" name="status" defaultValue={filter.status ?? ""} className="w-40">
        <option value="">Any status</option>
        <option value="active">Active</option>
        <option value="deactivated">Deactivated</option>
      </SelectField>
      <SelectField label="Team" name="team" defaultValue={filter.team ?? ""} className="w-44">
        <option value="">Any team</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className={buttonClasses("secondary")}>
        Apply
      </button>
      <Link href={basePath} className={buttonClasses("ghost")}>
        Clear
      </Link>
    </form>
  );
}
