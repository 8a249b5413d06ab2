import type { Db } from "@/db/client";
import { insertAction, insertDepartments, insertGoal, insertInteraction, insertRelationship } from "@/db/queries/relationships";
import type { MatrixCases, MatrixFixture } from "./types";

/**
 * What the matrix's calls on the tracker need in a fresh fixture: a department and a relationship kept by `leader`,
 * with a goal, an interaction and an action. Ids are fixed: tenant keys start with org_id, so the same ids are valid
 * (and distinct rows) in every fixture organisation.
 */
export const MATRIX_IDS = {
  department: "5e1a7e00-0000-4000-8000-000000000001",
  archivedDepartment: "5e1a7e00-0000-4000-8000-000000000002",
  relationship: "5e1a7e00-0000-4000-8000-000000000011",
  goal: "5e1a7e00-0000-4000-8000-000000000021",
  interaction: "5e1a7e00-0000-4000-8000-000000000031",
  action: "5e1a7e00-0000-4000-8000-000000000041",
} as const;

export async function prepareDepartments(db: Db, f: MatrixFixture): Promise<void> {
  await insertDepartments(db, f.orgId, ["Finance", "Old Department"], [MATRIX_IDS.department, MATRIX_IDS.archivedDepartment]);
}

/** A department and a relationship kept by the fixture's `leader`, with one goal, interaction and action. */
export async function prepareRelationship(db: Db, f: MatrixFixture): Promise<void> {
  await prepareDepartments(db, f);
  await insertRelationship(db, f.orgId, f.users.leader, {
    id: MATRIX_IDS.relationship,
    departmentId: MATRIX_IDS.department,
    counterpartName: "Fran Finance",
    counterpartTitle: "Controller",
    status: "neutral",
    trust: 2,
    priority: false,
    nextStep: null,
    nextStepDue: null,
    cadenceDays: 30,
  });
  await insertGoal(db, f.orgId, MATRIX_IDS.relationship, "Credit decisions within two days", MATRIX_IDS.goal);
  await insertInteraction(db, f.orgId, MATRIX_IDS.relationship, f.users.leader, {
    id: MATRIX_IDS.interaction,
    kind: "lunch",
    occurredOn: "2027-01-15",
    weFrustrateThem: "Orders promised before credit is checked.",
    theyFrustrateUs: null,
    notes: null,
    trustAfter: 3,
  });
  await insertAction(db, f.orgId, MATRIX_IDS.relationship, {
    id: MATRIX_IDS.action,
    interactionId: MATRIX_IDS.interaction,
    description: "Check credit before promising",
    owner: "us",
    dueOn: "2027-02-01",
  });
}

const validRelationship = () => ({
  departmentId: MATRIX_IDS.department,
  counterpartName: "Pat Purchasing",
  counterpartTitle: "Head of purchasing",
  status: "strained",
  trust: "2",
  priority: "on",
  nextStep: "Ask Pat to lunch",
  nextStepDue: "2027-06-30",
  cadenceDays: "30",
});

/** A past day in any zone: two days before now, in UTC. */
const aPastDay = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

const relationshipId = MATRIX_IDS.relationship;

export const relationshipsCases: MatrixCases = {
  "relationship.create": { input: validRelationship, prepare: prepareDepartments },
  "relationship.update": { input: () => ({ ...validRelationship(), relationshipId }), prepare: prepareRelationship },
  "relationship.setPriority": { input: () => ({ relationshipId, priority: true }), prepare: prepareRelationship },
  "relationship.addGoal": { input: () => ({ relationshipId, text: "Fewer rush orders" }), prepare: prepareRelationship },
  "relationship.setGoalAchieved": { input: () => ({ relationshipId, goalId: MATRIX_IDS.goal, achieved: true }), prepare: prepareRelationship },
  "relationship.logInteraction": {
    input: () => ({
      relationshipId,
      kind: "lunch",
      occurredOn: aPastDay(),
      weFrustrateThem: "Rush orders on Fridays",
      theyFrustrateUs: "",
      notes: "",
      trustAfter: "3",
    }),
    prepare: prepareRelationship,
  },
  "relationship.addAction": {
    input: () => ({
      relationshipId,
      interactionId: MATRIX_IDS.interaction,
      description: "Send Friday orders by noon",
      owner: "us",
      dueOn: "2027-03-01",
    }),
    prepare: prepareRelationship,
  },
  "relationship.setActionDone": { input: () => ({ relationshipId, actionId: MATRIX_IDS.action, done: true }), prepare: prepareRelationship },
  "/o/[slug]/relationships": { input: () => ({}), prepare: prepareRelationship },
  "/o/[slug]/relationships/[relationshipId]": { input: () => ({ relationshipId }), prepare: prepareRelationship },
};
