"use client";

import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import { confirmFramework } from "@/lib/framework/actions";

/** Until an admin confirms the list, the first cycle cannot open: this asks them to review and confirm it. */
export function ConfirmFramework({ slug, orgName }: { slug: string; orgName: string }) {
  const { run, pending } = useActionRunner();
  return (
    <section aria-labelledby="confirm-heading" className="mb-6 rounded-lg bg-brand-50 p-5 ring-1 ring-brand-100">
      <h2 id="confirm-heading" className="text-base font-semibold text-brand-900">
        Review and confirm your framework
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">
        {orgName} starts from a template. Edit, reorder, add or archive until the list below describes your business, then confirm it. The first
        assessment cycle opens only after this.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <blockquote className="border-l-4 border-brand-500 pl-3 text-base font-medium text-slate-900">
          “These are the behaviours that predict success in our business.”
        </blockquote>
        <Button disabled={pending} onClick={() => run(() => confirmFramework(slug, {}), "Framework confirmed. You can open the first cycle.")}>
          {pending ? "Confirming…" : "Confirm"}
        </Button>
      </div>
    </section>
  );
}
