import { z } from "zod";
import { organisationNameField, timeZoneField } from "./fields";

export const updateOrganisationSchema = z.object({
  name: organisationNameField,
  timeZone: timeZoneField,
});
