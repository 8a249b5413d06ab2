"use server";

import "server-only";
import type { DbOrTx } from "@/db/client";
import { findMeasure, insertMeasure, measureNameTaken, setMainMeasure, setMeasureArchived, updateMeasure } from "@/db/queries/results";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { addMeasureSchema, measureIdSchema, updateMeasureSchema } from "@/lib/schemas/results";

/** The measures an organisation tracks (quota attainment, revenue…): admins only. */
const adminsOnly = ["admin"] as const;
const TAKEN = "A measure with this name already exists (archived ones count too).";

async function existingMeasure(db: DbOrTx, orgId: string, measureId: string) {
  const measure = await findMeasure(db, orgId, measureId);
  if (!measure) throw new Refusal("not_found", "That measure no longer exists.");
  return measure;
}

const snapshot = (m: { name: string; unit: string; currencyCode: string | null; higherIsBetter: boolean }) => ({
  name: m.name,
  unit: m.unit,
  currencyCode: m.currencyCode,
  higherIsBetter: m.higherIsBetter,
});

export const addMeasure = memberAction(
  { name: "measure.add", permission: "results.manage", input: addMeasureSchema, expect: { allow: adminsOnly } },
  async ({ db, org, audit }, values) => {
    if (await measureNameTaken(db, org.id, values.name)) invalidField("name", TAKEN);
    const measure = await insertMeasure(db, org.id, values);
    if (!measure) invalidField("name", TAKEN);
    await audit({ targetType: "measure", targetId: measure.id, targetLabel: measure.name, after: snapshot(measure) });
    return { measureId: measure.id };
  },
);

/** Renames a measure or changes its unit or direction; its values stay as they are. */
export const editMeasure = memberAction(
  { name: "measure.edit", permission: "results.manage", input: updateMeasureSchema, expect: { allow: adminsOnly } },
  async ({ db, org, audit }, { measureId, ...values }) => {
    const measure = await existingMeasure(db, org.id, measureId);
    if (await measureNameTaken(db, org.id, values.name, measureId)) invalidField("name", TAKEN);
    await updateMeasure(db, org.id, measureId, values);
    await audit({ targetType: "measure", targetId: measureId, targetLabel: values.name, before: snapshot(measure), after: snapshot(values) });
  },
);

/** Archiving stops new values of a measure (upload, table, API); its values and their history stay. */
export const archiveMeasure = memberAction(
  { name: "measure.archive", permission: "results.manage", input: measureIdSchema, expect: { allow: adminsOnly } },
  async ({ db, org, audit }, { measureId }) => {
    const measure = await existingMeasure(db, org.id, measureId);
    if (measure.archivedAt) throw new Refusal("conflict", `${measure.name} is already archived.`);
    await setMeasureArchived(db, org.id, measureId, true);
    await audit({ targetType: "measure", targetId: measureId, targetLabel: measure.name, after: { archived: true, wasMain: measure.isMain } });
  },
);

export const restoreMeasure = memberAction(
  { name: "measure.restore", permission: "results.manage", input: measureIdSchema, expect: { allow: adminsOnly } },
  async ({ db, org, audit }, { measureId }) => {
    const measure = await existingMeasure(db, org.id, measureId);
    if (!measure.archivedAt) throw new Refusal("conflict", `${measure.name} is not archived.`);
    await setMeasureArchived(db, org.id, measureId, false);
    await audit({ targetType: "measure", targetId: measureId, targetLabel: measure.name, after: { archived: false } });
  },
);

/** The organisation's main measure: the one each behaviour is set against on the framework page. */
export const chooseMainMeasure = memberAction(
  { name: "measure.setMain", permission: "results.manage", input: measureIdSchema, expect: { allow: adminsOnly } },
  async ({ db, org, audit }, { measureId }) => {
    const measure = await existingMeasure(db, org.id, measureId);
    if (measure.archivedAt) throw new Refusal("conflict", `${measure.name} is archived: restore it before making it the main measure.`);
    if (measure.isMain) throw new Refusal("conflict", `${measure.name} is already the main measure.`);
    await setMainMeasure(db, org.id, measureId);
    await audit({ targetType: "measure", targetId: measureId, targetLabel: measure.name, after: { main: true } });
  },
);
