import { z } from "zod";
import { optionalCheckboxField, organisationNameField, timeZoneField } from "./fields";

export const updateOrganisationSchema = z.object({
  name: organisationNameField,
  timeZone: timeZoneField,
  /**
   * A checkbox after a hidden "off" field: the form sends "off" alone when unticked and "off","on" when ticked
   * (the last one wins). Left out entirely, the setting stays as it is.
   */
  blindMode: optionalCheckboxField,
});
