"use server";

import "server-only";
import { getOrganisation, updateOrganisation } from "@/db/queries/organisations";
import { memberAction } from "@/lib/chain/member";
import { updateOrganisationSchema } from "@/lib/schemas/organisations";

export const updateOrganisationSettings = memberAction(
  {
    name: "organisation.updateSettings",
    permission: "org.manage",
    input: updateOrganisationSchema,
    expect: { allow: ["admin"] },
  },
  async ({ db, org, audit }, input) => {
    const before = await getOrganisation(db, org.id);
    const after = { name: input.name, timeZone: input.timeZone, blindMode: input.blindMode ?? before.blindMode };
    await updateOrganisation(db, org.id, after);
    await audit({
      targetType: "organisation",
      targetId: org.id,
      targetLabel: after.name,
      before: { name: before.name, timeZone: before.timeZone, blindMode: before.blindMode },
      after,
    });
    return after;
  },
);
