import { setDepartmentArchived } from "@/db/queries/relationships";
import { MATRIX_IDS, prepareDepartments } from "./relationships";
import type { MatrixCases } from "./types";

export const departmentsCases: MatrixCases = {
  "department.add": { input: () => ({ name: `Logistics ${crypto.randomUUID().slice(0, 6)}` }) },
  "department.addStarters": { input: () => ({}) },
  "department.rename": { input: () => ({ departmentId: MATRIX_IDS.department, name: "Finance & Credit" }), prepare: prepareDepartments },
  "department.archive": { input: () => ({ departmentId: MATRIX_IDS.department }), prepare: prepareDepartments },
  "department.restore": {
    input: () => ({ departmentId: MATRIX_IDS.archivedDepartment }),
    prepare: async (db, f) => {
      await prepareDepartments(db, f);
      await setDepartmentArchived(db, f.orgId, MATRIX_IDS.archivedDepartment, true);
    },
  },
};
