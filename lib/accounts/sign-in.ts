import { findUserByEmail, insertAuthEvent, touchLastSignIn } from "@/db/queries/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { publicRoute } from "@/lib/chain/open";
import { signInSchema } from "@/lib/schemas/accounts";

/**
 * Checks an email and password for next-auth's credentials callback. A wrong email and a wrong password
 * look the same from outside (same answer, same work). Failed attempts are recorded, not refused with a
 * rollback, so the auth-events table keeps them.
 */
const signInCall = publicRoute(
  {
    name: "auth.signIn",
    input: signInSchema,
    expect: { input: () => ({ email: "matrix-admin@example.test", password: "matrix-password" }) },
  },
  async ({ tx }, { email, password }) => {
    const user = await findUserByEmail(tx, email);
    const ok = await verifyPassword(user?.passwordHash, password);
    await insertAuthEvent(tx, { userId: user?.id, email, kind: ok ? "sign_in" : "sign_in_failed" });
    if (!ok || !user) return null;
    await touchLastSignIn(tx, user.id);
    return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
  },
);

export async function signIn(credentials: unknown) {
  const outcome = await signInCall(credentials);
  return outcome.status === "ok" ? outcome.data : null;
}
