"use client";

import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { RenameDialog } from "@/components/ui/rename-dialog";
import { fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import { addDepartment, addStarterDepartments, archiveDepartment, renameDepartment, restoreDepartment } from "@/lib/departments/actions";

type Department = { id: string; name: string; archivedAt: Date | null };

/** The peer departments leaders keep relationships with: add, rename, archive (and restore). */
export function DepartmentsPanel({ slug, departments }: { slug: string; departments: Department[] }) {
  const { run, pending } = useActionRunner();
  const [state, formAction] = useFormAction(addDepartment.bind(null, slug), () => {
    toast.success("Department added.");
  });
  return (
    <div className="space-y-4">
      {departments.length === 0 ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
          No departments yet. Most sales teams start with distribution, purchasing, finance, operations and customer service.
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => run(() => addStarterDepartments(slug, {}), "The five usual departments were added.")}
          >
            Add the usual five
          </Button>
        </div>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {departments.map((d) => {
            const archived = d.archivedAt !== null;
            return (
              <li key={d.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span className="flex items-center gap-2">
                  <span className={archived ? "text-slate-600" : "text-slate-900"}>{d.name}</span>
                  {archived && <Badge>Archived</Badge>}
                </span>
                <span className="flex gap-1">
                  <RenameDialog
                    action={renameDepartment.bind(null, slug)}
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Rename ${d.name}`}>
                        Rename
                      </Button>
                    }
                    title={`Rename ${d.name}`}
                    label="Department name"
                    currentName={d.name}
                    id={{ name: "departmentId", value: d.id }}
                    success="Department renamed."
                  />
                  {archived ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={pending}
                      aria-label={`Restore ${d.name}`}
                      onClick={() => run(() => restoreDepartment(slug, { departmentId: d.id }), `${d.name} restored.`)}
                    >
                      Restore
                    </Button>
                  ) : (
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Archive ${d.name}`}>
                          Archive
                        </Button>
                      }
                      title={`Archive ${d.name}?`}
                      description="It disappears from the new-relationship form. Relationships with it, and their history, stay."
                      confirmLabel="Archive department"
                      onConfirm={() => run(() => archiveDepartment(slug, { departmentId: d.id }), `${d.name} archived.`)}
                    />
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <form action={formAction} className="flex flex-wrap items-start gap-3" noValidate>
        <TextField
          label="New department"
          name="name"
          placeholder="e.g. Credit control"
          defaultValue={typed(state, "name")}
          error={fieldError(state, "name")}
          className="w-72 max-w-full"
          required
        />
        <SubmitButton variant="secondary" className="mt-7" pendingLabel="Adding…">
          Add department
        </SubmitButton>
      </form>
    </div>
  );
}
