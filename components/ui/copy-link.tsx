"use client";

import { useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { TextField } from "./field";

type Props = {
  /** The new link (a path on this site, or a full URL); the dialog is closed while it is null. */
  url: string | null;
  onClose: () => void;
  title: string;
  description: string;
  /** The label of the link's field. */
  label: string;
};

/** A link shown once (invite, check-in), in a dialog: selectable, with a copy button and a way to close. */
export function CopyLinkDialog({ url, onClose, title, description, label }: Props) {
  return (
    <Dialog open={url !== null} onOpenChange={(open) => !open && onClose()} title={title} description={description}>
      {url !== null && <CopyLink label={label} url={new URL(url, window.location.origin).toString()} onDone={onClose} />}
    </Dialog>
  );
}

function CopyLink({ url, label, onDone }: { url: string; label: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <TextField label={label} value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
      <div className="flex justify-end gap-2">
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
