"use client";

import { useState } from "react";
import { Button } from "./button";
import { TextField } from "./field";

/** A link shown once (invite, check-in): selectable, with a copy button and a way to close. */
export function CopyLink({ url, label, onDone }: { url: string; label: string; onDone: () => void }) {
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
