"use server";

import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import {
  departmentNameTaken,
  findDepartment,
  insertDepartments,
  listDepartments,
  setDepartmentArchived,
  updateDepartmentName,
} from "@/db/queries/relationships";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { STARTER_DEPARTMENTS } from "@/lib/relationships/rules";
import { addDepartmentSchema, departmentIdSchema, renameDepartmentSchema } from "@/lib/schemas/relationships";

const adminsOnly = ["admin"] as const;

async function existingDepartment(db: DbOrTx, orgId: string, departmentId: string) {
  const department = await findDepartment(db, orgId, departmentId);
  if (!department) throw new Refusal("not_found", "That department no longer exists.");
  return department;
}

export const addDepartment = memberAction(
  {
    name: "department.add",
    permission: "org.manage",
    input: addDepartmentSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { name }) => {
    if (await departmentNameTaken(db, org.id, name)) invalidField("name", "A department with this name already exists.");
    const [department] = await insertDepartments(db, org.id, [name]);
    if (!department) invalidField("name", "A department with this name already exists.");
    await audit({ targetType: "department", targetId: department.id, targetLabel: name, after: { name } });
    return { departmentId: department.id };
  },
);

/** Adds whichever of the five usual departments the organisation does not have yet. */
export const addStarterDepartments = memberAction(
  {
    name: "department.addStarters",
    permission: "org.manage",
    input: z.object({}),
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }) => {
    const existing = new Set((await listDepartments(db, org.id, { includeArchived: true })).map((d) => d.name.toLowerCase()));
    const missing = STARTER_DEPARTMENTS.filter((name) => !existing.has(name.toLowerCase()));
    if (missing.length === 0) throw new Refusal("conflict", "The organisation already has all five usual departments.");
    await insertDepartments(db, org.id, missing);
    await audit({ targetType: "department", targetLabel: missing.join(", "), after: { added: missing } });
    return { added: missing.length };
  },
);

export const renameDepartment = memberAction(
  {
    name: "department.rename",
    permission: "org.manage",
    input: renameDepartmentSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { departmentId, name }) => {
    const department = await existingDepartment(db, org.id, departmentId);
    if (await departmentNameTaken(db, org.id, name, departmentId)) invalidField("name", "A department with this name already exists.");
    await updateDepartmentName(db, org.id, departmentId, name);
    await audit({ targetType: "department", targetId: departmentId, targetLabel: name, before: { name: department.name }, after: { name } });
  },
);

/** Archiving hides a department from the new-relationship form; its relationships and their history stay. */
export const archiveDepartment = memberAction(
  {
    name: "department.archive",
    permission: "org.manage",
    input: departmentIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { departmentId }) => {
    const department = await existingDepartment(db, org.id, departmentId);
    if (department.archivedAt) throw new Refusal("conflict", `${department.name} is already archived.`);
    await setDepartmentArchived(db, org.id, departmentId, true);
    await audit({ targetType: "department", targetId: departmentId, targetLabel: department.name, after: { archived: true } });
  },
);

export const restoreDepartment = memberAction(
  {
    name: "department.restore",
    permission: "org.manage",
    input: departmentIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { departmentId }) => {
    const department = await existingDepartment(db, org.id, departmentId);
    if (!department.archivedAt) throw new Refusal("conflict", `${department.name} is not archived.`);
    await setDepartmentArchived(db, org.id, departmentId, false);
    await audit({ targetType: "department", targetId: departmentId, targetLabel: department.name, after: { archived: false } });
  },
);
