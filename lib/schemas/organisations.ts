import { z } from "zod";
import { organisationNameField, timeZoneField } from "./fields";

export const updateOrganisationSchema = z.object({
  name: organisationNameField,
  timeZone: timeZoneField,
  /**
   * A checkbox after a hidden "off" field: the form sends "off" alone when unticked and "off","on" when ticked
   * (the last one wins). Left out entirely, the setting stays as it is.
   */
  blindMode: z.preprocess((value) => {
    const last: unknown = Array.isArray(value) ? value.at(-1) : value;
    return last === undefined ? undefined : last === true || last === "on" || last === "true";
  }, z.boolean().optional()),
});
