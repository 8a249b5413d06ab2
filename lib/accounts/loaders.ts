import { z } from "zod";
import type { Tx } from "@/db/client";
import { listOrganisationsOfUser } from "@/db/queries/organisations";
import type { SessionUser } from "@/lib/auth/session";
import { accountLoader } from "@/lib/chain/open";

async function myOrganisations({ db, user }: { db: Tx; user: SessionUser }) {
  return { user, organisations: await listOrganisationsOfUser(db, user.id) };
}

const noInput = { input: z.object({}), expect: { input: () => ({}) } };

/** /o: where a signed-in person lands; sends them to their organisation. */
export const loadOrganisationPicker = accountLoader({ route: "/o", ...noInput }, myOrganisations);

/** /account: the person's own name and password, and their organisations. */
export const loadAccount = accountLoader({ route: "/account", ...noInput }, myOrganisations);
