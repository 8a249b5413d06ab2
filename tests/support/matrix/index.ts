import type { RegistryEntry } from "@/lib/chain/registry";
import { accountsCases } from "./accounts";
import { assessmentsCases } from "./assessments";
import { auditCases } from "./audit";
import { benchCases } from "./bench";
import { calibrationCases } from "./calibration";
import { checkInsCases } from "./check-ins";
import { coachingCases } from "./coaching";
import { cyclesCases } from "./cycles";
import { dashboardsCases } from "./dashboards";
import { departmentsCases } from "./departments";
import { exportCases } from "./export";
import { frameworkCases } from "./framework";
import { gridCases } from "./grid";
import { invitesCases } from "./invites";
import { mailCases } from "./mail";
import { membersCases } from "./members";
import { organisationsCases } from "./organisations";
import { peopleImportCases } from "./people-import";
import { relationshipsCases } from "./relationships";
import { remindersCases } from "./reminders";
import { resultsCases } from "./results";
import { reportsCases } from "./reports";
import { resultsAnalysisCases } from "./results-analysis";
import { teamsCases } from "./teams";
import type { MatrixCase, MatrixCases } from "./types";

export type { MatrixCase, MatrixFixture } from "./types";

/**
 * Every entry's matrix case, keyed by its registry name: one file per folder of lib/ (tests/support/matrix/<folder>.ts).
 * The registry test fails on an entry without a case and on a case without an entry.
 */
const DOMAINS: MatrixCases[] = [
  accountsCases,
  assessmentsCases,
  auditCases,
  benchCases,
  calibrationCases,
  checkInsCases,
  coachingCases,
  cyclesCases,
  dashboardsCases,
  departmentsCases,
  exportCases,
  frameworkCases,
  gridCases,
  invitesCases,
  mailCases,
  membersCases,
  organisationsCases,
  peopleImportCases,
  relationshipsCases,
  remindersCases,
  resultsCases,
  reportsCases,
  resultsAnalysisCases,
  teamsCases,
];

export const MATRIX_CASES: ReadonlyMap<string, MatrixCase> = (() => {
  const all = new Map<string, MatrixCase>();
  for (const cases of DOMAINS) {
    for (const [name, matrixCase] of Object.entries(cases)) {
      if (all.has(name)) throw new Error(`Two matrix cases for ${name}`);
      all.set(name, matrixCase);
    }
  }
  return all;
})();

/** The matrix case of a registered entry; throws when it has none, so a test calling it fails by name. */
export function matrixCase(entry: Pick<RegistryEntry, "name">): MatrixCase {
  const found = MATRIX_CASES.get(entry.name);
  if (!found) throw new Error(`${entry.name} has no matrix case: add its input to tests/support/matrix/`);
  return found;
}
