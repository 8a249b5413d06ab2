import type { MatrixCases } from "./types";

export const frameworkCases: MatrixCases = {
  "framework.addBehaviour": {
    input: () => ({
      name: `Follow-up ${crypto.randomUUID().slice(0, 6)}`,
      description: "Keeps every promise made in a meeting.",
      level1: "Forgets what was agreed.",
      level3: "Sends a summary within a day.",
      level5: "Sends a summary the same day and delivers every action on time.",
    }),
  },
  "framework.editBehaviour": {
    input: (f) => ({
      behaviourId: f.behaviourIds[0],
      name: "Prospecting for new accounts",
      description: "Opens conversations with companies we do not sell to yet.",
      level1: "Waits for leads.",
      level3: "Books a few first meetings a month.",
      level5: "Books first meetings every week from their own research.",
    }),
  },
  "framework.reorder": { input: (f) => ({ behaviourIds: [f.behaviourIds[2], f.behaviourIds[0], f.behaviourIds[1]] }) },
  "framework.archiveBehaviour": { input: (f) => ({ behaviourId: f.behaviourIds[1] }) },
  "framework.restoreBehaviour": { input: (f) => ({ behaviourId: f.archivedBehaviourId }) },
  "framework.confirm": { input: () => ({}) },
  "/o/[slug]/framework": { input: () => ({}) },
};
