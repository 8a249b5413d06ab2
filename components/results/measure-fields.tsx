"use client";

import { useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldError, typed } from "@/components/ui/form-alert";
import type { MeasureUnit } from "@/lib/results/values";
import type { ActionState } from "@/lib/chain/outcome";

const UNITS: { value: MeasureUnit; label: string }[] = [
  { value: "percent", label: "Percent (85%)" },
  { value: "currency", label: "Currency (an amount)" },
  { value: "count", label: "Count (deals, calls)" },
  { value: "number", label: "Number (any other)" },
];

type Values = { name: string; unit: MeasureUnit; currencyCode: string | null; higherIsBetter: boolean };

/** A measure's fields: name, unit (with the currency code when it is a currency) and which direction is better. */
export function MeasureFields({ state, initial }: { state: ActionState; initial?: Values }) {
  const typedUnit = typed(state, "unit", initial?.unit ?? "percent");
  const [unit, setUnit] = useState(typedUnit);
  // After a refused submit the form shows what was sent: the unit follows it.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setUnit(typedUnit);
  }
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="Name"
        name="name"
        defaultValue={typed(state, "name", initial?.name ?? "")}
        error={fieldError(state, "name")}
        placeholder="Quota attainment"
        maxLength={60}
        required
        className="sm:col-span-2"
      />
      {/* Uncontrolled: React resets a form after its action, and a controlled select would then show one unit and send another. */}
      <SelectField label="Unit" name="unit" defaultValue={typedUnit} onChange={(e) => setUnit(e.target.value)} error={fieldError(state, "unit")}>
        {UNITS.map((u) => (
          <option key={u.value} value={u.value}>
            {u.label}
          </option>
        ))}
      </SelectField>
      {unit === "currency" ? (
        <TextField
          label="Currency code"
          name="currencyCode"
          defaultValue={typed(state, "currencyCode", initial?.currencyCode ?? "")}
          error={fieldError(state, "currencyCode")}
          placeholder="EUR"
          maxLength={3}
          autoCapitalize="characters"
          hint="Three letters, like EUR, USD or GBP."
        />
      ) : (
        <div className="hidden sm:block" />
      )}
      <SelectField
        label="Which is better?"
        name="higherIsBetter"
        defaultValue={typed(state, "higherIsBetter", String(initial?.higherIsBetter ?? true))}
        error={fieldError(state, "higherIsBetter")}
        className="sm:col-span-2"
      >
        <option value="true">Higher is better (attainment, revenue, win rate)</option>
        <option value="false">Lower is better (sales cycle days, discount given)</option>
      </SelectField>
    </div>
  );
}
