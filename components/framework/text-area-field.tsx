import { useId, type TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const control =
  "block w-full resize-y rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-invalid:ring-red-500";

/** A labelled multi-line input, wired like the other fields: hint or error described for screen readers. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...textarea
}: { label: string; hint?: string; error?: string; className?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={id} className={control} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
