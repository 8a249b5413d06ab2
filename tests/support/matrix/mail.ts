import { unsubscribeToken } from "@/lib/mail/unsubscribe-token";
import type { MatrixCases, MatrixFixture } from "./types";

/** A valid unsubscribe input: the fixture's rep turning off reminders. */
export const matrixUnsubscribeInput = (fixture: MatrixFixture) => ({ token: unsubscribeToken(fixture.users.rep, fixture.orgId, "reminders") });

export const mailCases: MatrixCases = {
  "/api/unsubscribe/[token]": { input: matrixUnsubscribeInput },
};
