import { z } from "zod";
import { blankable, emailField, intField, newPasswordField, personNameField, uuidField } from "./fields";

export const EXPIRY_CHOICES = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "1 day" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
  { hours: 336, label: "14 days" },
  { hours: 720, label: "30 days" },
] as const;

export const createInviteSchema = z
  .object({
    role: z.enum(["admin", "leader", "rep"], { error: "Choose a role." }),
    teamId: blankable(uuidField),
    expiresInHours: intField({ invalid: "Choose when the link expires.", min: "A link lasts at least 1 hour.", max: "A link lasts at most 30 days." }, 1, 720).default(168),
    maxUses: intField({ invalid: "Enter a whole number.", min: "At least 1 person must be able to use it.", max: "At most 500 uses." }, 1, 500),
    email: blankable(emailField),
  })
  .refine((v) => v.role !== "rep" || v.teamId, { path: ["teamId"], message: "A rep joins a team: choose one." });

export const inviteIdSchema = z.object({ inviteId: uuidField });

/** A new person accepting an invite: their account details. */
export const acceptInviteNewSchema = z.object({ name: personNameField, email: emailField, password: newPasswordField });
