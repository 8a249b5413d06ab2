import type { MatrixFixture } from "@/lib/chain/registry";

/** A link to confirm a new address works for this long, once. */
export const EMAIL_CHANGE_VALID_MINUTES = 24 * 60;

/** The raw token the permission matrix and the fuzz suite confirm (their `prepare` stores its hash). */
export const matrixEmailChangeToken = (fixture: MatrixFixture) => `matrix-email-change-${fixture.orgId}`;

