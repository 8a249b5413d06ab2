"use client";

import { useRef, useState, useTransition, type ChangeEvent, type MouseEvent } from "react";
import type { ActionState } from "@/lib/chain/outcome";
import { readChosenFile } from "@/lib/people-import/decode";

/** The text of a chosen file or of the pasted rows, with how the page names it ("team.csv", "the pasted rows"). */
export type UploadSource = { text: string; label: string };

type Options<P, R> = {
  /** A chosen file's size limit, and what the message over it calls the upload ("an import"). */
  maxBytes: number;
  what: string;
  /** The preview action, given a form with the text as `content`. */
  preview: (form: FormData) => Promise<ActionState<P>>;
  /** The confirm action, given a form with the same `content` and the preview's `digest`. */
  confirm: (form: FormData, preview: P) => Promise<ActionState<R>>;
  /** Runs as a new preview arrives, e.g. to clear choices made on the last one. */
  onPreview?: (preview: P) => void;
};

/** The message of a refused call: the file's own reason when there is one. */
function refusal(state: ActionState<unknown>): string | null {
  if (state.status !== "error") return null;
  return state.fieldErrors ? (state.fieldErrors.content ?? Object.values(state.fieldErrors)[0]!) : state.message;
}

/**
 * The steps of a spreadsheet upload: choose a file or paste rows, preview them on the server, then confirm the write.
 * Owns the source's text and label, the preview, the confirmed result, the refusals (`problem` for the file or its
 * preview, `notice` for the confirm), the pasted text, the file input and starting again. The page owns what it shows
 * and what each action's form carries besides the text and the digest.
 */
export function useUploadPreview<P extends { digest: string }, R>({
  maxBytes,
  what,
  preview: previewAction,
  confirm: confirmAction,
  onPreview,
}: Options<P, R>) {
  const [source, setSource] = useState<UploadSource | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const [pending, startTransition] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);

  /** Previews `next`; `call` stands in for the preview action when the page changes what goes with the text. */
  function runPreview(next: UploadSource, call = previewAction) {
    setSource(next);
    setProblem(null);
    setNotice(null);
    setResult(null);
    startTransition(async () => {
      const form = new FormData();
      form.set("content", next.text); // as a form: the text travels as it is, not escaped into JSON
      const state = await call(form);
      if (state.status === "ok") {
        setPreview(state.data);
        onPreview?.(state.data);
      } else {
        setPreview(null);
        setProblem(refusal(state));
      }
    });
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    const read = await readChosenFile(file, maxBytes, what);
    if (!read.ok) {
      setPreview(null);
      setProblem(read.message);
      return;
    }
    runPreview({ text: read.text, label: file.name });
  }

  /** What the file input needs: emptied as its dialog opens, so choosing the same file again, once fixed, is read again. */
  const fileInputProps = {
    ref: fileInput,
    type: "file",
    accept: ".csv,.tsv,.txt,text/csv,text/plain",
    onClick: (e: MouseEvent<HTMLInputElement>) => {
      e.currentTarget.value = "";
    },
    onChange: (e: ChangeEvent<HTMLInputElement>) => void chooseFile(e.target.files?.[0]),
  };

  function previewPasted() {
    runPreview({ text: pasted, label: "the pasted rows" });
  }

  function runConfirm() {
    if (!source || !preview) return;
    startTransition(async () => {
      const form = new FormData();
      form.set("content", source.text);
      form.set("digest", preview.digest);
      const state = await confirmAction(form, preview);
      if (state.status === "ok") {
        setResult(state.data); // the preview stays: the page may still show it beside the result
        return;
      }
      const fresh = state.status === "error" ? (state.details as { preview?: P } | undefined)?.preview : undefined;
      if (fresh) setPreview(fresh);
      setNotice(refusal(state));
    });
  }

  function restart() {
    setSource(null);
    setPreview(null);
    setResult(null);
    setProblem(null);
    setNotice(null);
    setPasted("");
    if (fileInput.current) fileInput.current.value = "";
  }

  return { source, preview, result, problem, notice, pending, pasted, setPasted, fileInputProps, runPreview, previewPasted, runConfirm, restart };
}
