"use server";

import { getOrganisation, updateOrganisation } from "@/db/queries/organisations";
import { memberAction } from "@/lib/chain/member";
import { updateOrganisationSchema } from "@/lib/schemas/organisations";

export const updateOrganisationSettings = memberAction(
  {
    name: "organisation.updateSettings",
    permission: "org.manage",
    input: updateOrganisationSchema,
    expect: { allow: ["admin"], input: () => ({ name: "Matrix Org Renamed", timeZone: "America/Chicago" }) },
  },
  async ({ db, org, audit }, input) => {
    const before = await getOrganisation(db, org.id);
    await updateOrganisation(db, org.id, input);
    await audit({
      targetType: "organisation",
      targetId: org.id,
      targetLabel: input.name,
      before: { name: before.name, timeZone: before.timeZone },
      after: input,
    });
    return input;
  },
);
