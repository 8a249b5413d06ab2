import { insertEmailChangeToken } from "@/db/queries/email-changes";
import { insertPasswordResetToken } from "@/db/queries/password-resets";
import { verificationToken } from "@/lib/accounts/verification-links";
import { DELETE_CONFIRMATION } from "@/lib/schemas/accounts";
import { hashToken } from "@/lib/tokens";
import { MATRIX_PASSWORD } from "../fixtures";
import { matrixUnsubscribeInput } from "./mail";
import type { MatrixCases, MatrixFixture } from "./types";

/** The raw token of the email change the matrix and the fuzz suite confirm (the case's `prepare` stores its hash). */
const matrixEmailChangeToken = (fixture: MatrixFixture) => `matrix-email-change-${fixture.orgId}`;

/** The raw token of the password reset the matrix and the fuzz suite use (the case's `prepare` stores its hash). */
const matrixResetToken = (fixture: MatrixFixture) => `matrix-reset-${fixture.orgId}`;

/** Public and account entries: signed out, then (account entries) as the fixture's `rep`. */
export const accountsCases: MatrixCases = {
  "account.signUp": {
    input: () => ({
      name: "Matrix Newcomer",
      email: `newcomer-${crypto.randomUUID()}@example.test`,
      password: "a long enough password",
      organisationName: "Matrix Newcomer Co",
      timeZone: "Europe/London",
    }),
  },
  "account.updateProfile": { input: () => ({ name: "Renamed Person" }) },
  "account.changePassword": { input: () => ({ currentPassword: MATRIX_PASSWORD, newPassword: MATRIX_PASSWORD, confirmPassword: MATRIX_PASSWORD }) },
  "account.signOutEverywhere": { input: () => ({}) },
  "account.delete": { input: () => ({ currentPassword: MATRIX_PASSWORD, confirmation: DELETE_CONFIRMATION }) },
  "account.requestEmailChange": {
    input: () => ({ newEmail: `matrix-new-address-${crypto.randomUUID()}@example.test`, currentPassword: MATRIX_PASSWORD }),
  },
  "account.confirmEmailChange": {
    input: (fixture) => ({ token: matrixEmailChangeToken(fixture) }),
    prepare: (db, fixture) =>
      insertEmailChangeToken(db, fixture.users.rep, hashToken(matrixEmailChangeToken(fixture)), `remy.renamed.${fixture.orgId}@example.test`, 60),
  },
  "/account/confirm-email/[token]": { input: () => ({ token: "not-a-waiting-link-at-all" }) },
  "account.verifyEmail": {
    // The matrix fixture's rep is "Remy Rep", at remy.rep.{the slug's tag}@example.test (tests/support/fixtures.ts).
    input: (fixture) => ({ token: verificationToken(fixture.users.rep, `remy.rep.${fixture.slug.replace(/^matrix-/, "")}@example.test`) }),
  },
  "account.resendVerification": { input: () => ({}) },
  "/account/data": { input: () => ({}) },
  "/o": { input: () => ({}) },
  "/account": { input: () => ({}) },
  "account.requestPasswordReset": { input: () => ({ email: `matrix-forgot-${crypto.randomUUID()}@example.test` }) },
  "account.resetPassword": {
    input: (fixture) => ({ token: matrixResetToken(fixture), password: "a brand new password", confirmPassword: "a brand new password" }),
    prepare: (db, fixture) => insertPasswordResetToken(db, fixture.users.rep, hashToken(matrixResetToken(fixture)), 60),
  },
  "auth.signIn": { input: () => ({ email: "matrix-admin@example.test", password: MATRIX_PASSWORD }) },
  "auth.signOut": { input: (f) => ({ userId: f.users.rep, sessionId: crypto.randomUUID() }) },
  "account.updateMailPreferences": { input: (fixture) => ({ orgId: fixture.orgId, reminders: false, resultsShared: true, weeklyDigest: "on" }) },
  "mail.unsubscribe": { input: matrixUnsubscribeInput },
};
