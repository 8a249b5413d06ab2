"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { formatDay } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/chain/outcome";
import { createNote, deleteNote, updateNote } from "@/lib/coaching/actions";
import { COACHING_LIMITS } from "@/lib/schemas/coaching";

export type NoteView = {
  id: string;
  heldOn: string;
  body: string;
  shared: boolean;
  authorName: string;
  own: boolean;
  behaviours: { id: string; name: string }[];
};

type Behaviour = { id: string; name: string };

/** The fields of a note: day, text, behaviours it is about, and whether the rep may read it. */
function NoteFields({
  state,
  repName,
  behaviours,
  today,
  initial,
}: {
  state: ActionState<unknown>;
  repName: string;
  behaviours: Behaviour[];
  today: string;
  initial: { heldOn: string; body: string; shared: boolean; behaviourIds: readonly string[] };
}) {
  // A refused submit keeps the first choice it can read back (one value); otherwise the note's own.
  const typedId = typed(state, "behaviourIds");
  const checkboxId = useId();
  const [shared, setShared] = useState(state.status === "error" ? typed(state, "shared", "") === "on" : initial.shared);
  return (
    <>
      <FormAlert state={state} />
      <TextField
        label="Day of the 1:1"
        name="heldOn"
        type="date"
        max={today}
        defaultValue={typed(state, "heldOn", initial.heldOn)}
        error={fieldError(state, "heldOn")}
        className="max-w-xs"
        required
      />
      <TextAreaField
        label="Note"
        name="body"
        rows={6}
        defaultValue={typed(state, "body", initial.body)}
        error={fieldError(state, "body")}
        hint={`Up to ${COACHING_LIMITS.note} characters.`}
        required
      />
      {behaviours.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">About these behaviours (optional)</legend>
          <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
            {behaviours.map((b) => (
              <label key={b.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="behaviourIds"
                  value={b.id}
                  defaultChecked={typedId === b.id || initial.behaviourIds.includes(b.id)}
                  className="h-4 w-4 accent-brand-600"
                />
                {b.name}
              </label>
            ))}
          </div>
          {fieldError(state, "behaviourIds") && <p className="mt-1 text-sm text-red-700">{fieldError(state, "behaviourIds")}</p>}
        </fieldset>
      )}
      <div className={`flex items-start gap-3 rounded-md p-3 ring-1 ${shared ? "bg-brand-50 ring-brand-100" : "bg-slate-50 ring-slate-200"}`}>
        <input type="hidden" name="shared" value="off" />
        <input
          id={checkboxId}
          type="checkbox"
          name="shared"
          checked={shared}
          onChange={(e) => setShared(e.target.checked)}
          className="mt-1 h-4 w-4 accent-brand-600"
        />
        <label htmlFor={checkboxId} className="text-sm text-slate-800">
          <span className="font-medium">{`Share with ${repName}`}</span>
          <span className="block text-slate-600">
            {shared ? `${repName} can read this note.` : "Private: only you can read it — not the rep, not other leaders, not admins."}
          </span>
        </label>
      </div>
    </>
  );
}

/** A new 1:1 note; after results are revealed it starts from the proposed agenda (the largest gaps). */
export function NewNoteForm({
  slug,
  rep,
  behaviours,
  today,
  agenda,
}: {
  slug: string;
  rep: { userId: string; name: string };
  behaviours: Behaviour[];
  today: string;
  agenda: { text: string; behaviourIds: string[] } | null;
}) {
  const [key, setKey] = useState(0);
  const [state, formAction] = useFormAction(createNote.bind(null, slug), (_data, form) => {
    toast.success(form.getAll("shared").at(-1) === "on" ? `Note saved and shared with ${rep.name}.` : "Private note saved.");
    setKey((k) => k + 1);
  });
  return (
    <form key={key} action={formAction} className="space-y-4" noValidate aria-label="New 1:1 note">
      <input type="hidden" name="repUserId" value={rep.userId} />
      {agenda && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {`${rep.name}'s results are revealed: the largest gaps are proposed as the agenda below. Edit it as you like.`}
        </p>
      )}
      <NoteFields
        state={state}
        repName={rep.name}
        behaviours={behaviours}
        today={today}
        initial={{ heldOn: today, body: agenda?.text ?? "", shared: false, behaviourIds: agenda?.behaviourIds ?? [] }}
      />
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">Save note</SubmitButton>
      </div>
    </form>
  );
}

/** The notes the viewer may read, newest first; their own can be edited and deleted. */
export function NoteList({
  slug,
  notes,
  repName,
  behaviours,
  today,
  emptyText,
}: {
  slug: string;
  notes: NoteView[];
  repName: string;
  behaviours: Behaviour[];
  today: string;
  emptyText: string;
}) {
  const { run, pending } = useActionRunner();
  if (notes.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="space-y-4">
      {notes.map((n) => (
        <li key={n.id} className="rounded-lg bg-white p-4 ring-1 ring-slate-200 print:break-inside-avoid">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="text-sm font-semibold text-slate-900">{formatDay(n.heldOn)}</p>
              <p className="text-xs text-slate-600">{n.own ? "Written by you" : `Written by ${n.authorName}`}</p>
            </div>
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={n.shared ? "blue" : "neutral"}>{n.shared ? "Shared" : "Private"}</Badge>
              {n.own && (
                <>
                  <EditNoteDialog slug={slug} note={n} repName={repName} behaviours={behaviours} today={today} />
                  <ConfirmDialog
                    trigger={
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending}
                        aria-label={`Delete the note of ${formatDay(n.heldOn)}`}
                        className="print:hidden"
                      >
                        Delete
                      </Button>
                    }
                    title="Delete this note?"
                    description="The note is removed for good, for you and, if it was shared, for the rep."
                    confirmLabel="Delete note"
                    onConfirm={() => run(() => deleteNote(slug, { noteId: n.id }), "Note deleted.")}
                  />
                </>
              )}
            </span>
          </div>
          {n.behaviours.length > 0 && (
            <p className="mt-2 flex flex-wrap gap-1.5">
              {n.behaviours.map((b) => (
                <Badge key={b.id}>{b.name}</Badge>
              ))}
            </p>
          )}
          <p className="mt-3 text-sm leading-relaxed whitespace-pre-wrap text-slate-800">{n.body}</p>
        </li>
      ))}
    </ul>
  );
}

function EditNoteDialog({
  slug,
  note,
  repName,
  behaviours,
  today,
}: {
  slug: string;
  note: NoteView;
  repName: string;
  behaviours: Behaviour[];
  today: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Edit the note of ${formatDay(note.heldOn)}`} className="print:hidden">
          Edit
        </Button>
      }
      title={`Edit the note of ${formatDay(note.heldOn)}`}
    >
      <EditNoteForm slug={slug} note={note} repName={repName} behaviours={behaviours} today={today} onDone={() => setOpen(false)} />
    </Dialog>
  );
}

function EditNoteForm({
  slug,
  note,
  repName,
  behaviours,
  today,
  onDone,
}: {
  slug: string;
  note: NoteView;
  repName: string;
  behaviours: Behaviour[];
  today: string;
  onDone: () => void;
}) {
  const [state, formAction] = useFormAction(updateNote.bind(null, slug), () => {
    toast.success("Note saved.");
    onDone();
  });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="-mx-1 max-h-[min(65vh,40rem)] space-y-4 overflow-y-auto px-1 pb-1">
        <input type="hidden" name="noteId" value={note.id} />
        <NoteFields
          state={state}
          repName={repName}
          behaviours={behaviours}
          today={today}
          initial={{ ...note, behaviourIds: note.behaviours.map((b) => b.id) }}
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton>Save note</SubmitButton>
      </div>
    </form>
  );
}
