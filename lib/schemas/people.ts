import { z } from "zod";
import { blankable, intField, uuidField } from "./fields";

export const teamNameField = z
  .string({ error: "Enter the team's name." })
  .trim()
  .min(1, "Enter the team's name.")
  .max(60, "Keep the name under 60 characters.");

export const createTeamSchema = z.object({ name: teamNameField });
export const renameTeamSchema = z.object({ teamId: uuidField, name: teamNameField });
export const teamIdSchema = z.object({ teamId: uuidField });
export const teamLeaderSchema = z.object({ teamId: uuidField, userId: uuidField });

export const roleField = z.enum(["admin", "leader", "rep"], { error: "Choose a role." });

export const changeRoleSchema = z
  .object({ userId: uuidField, role: roleField, teamId: blankable(uuidField) })
  .refine((v) => v.role !== "rep" || v.teamId, { path: ["teamId"], message: "A rep belongs to a team: choose one." });
export const moveTeamSchema = z.object({ userId: uuidField, teamId: uuidField });
export const memberIdSchema = z.object({ userId: uuidField });

/** The members page's filters, from the URL; anything unrecognised is ignored rather than refused. */
export const memberFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: roleField.optional().catch(undefined),
  status: z.enum(["active", "deactivated"]).optional().catch(undefined),
  team: uuidField.optional().catch(undefined),
  /** The page of the list, from 1 (MEMBERS_PAGE_SIZE people each). */
  page: intField("Not a page number.", 1, 100_000).optional().catch(undefined),
});

/** Leaving an organisation needs nothing but the organisation in the URL. */
export const leaveOrganisationSchema = z.object({});
