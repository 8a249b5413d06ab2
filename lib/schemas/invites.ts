import { z } from "zod";
import { blankable, emailField, newPasswordField, personNameField, uuidField } from "./fields";

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
    expiresInHours: z.coerce
      .number({ error: "Choose when the link expires." })
      .int()
      .min(1, "A link lasts at least 1 hour.")
      .max(720, "A link lasts at most 30 days.")
      .default(168),
    maxUses: z.coerce
      .number({ error: "Enter how many people may use the link." })
      .int("Enter a whole number.")
      .min(1, "At least 1 person must be able to use it.")
      .max(500, "At most 500 uses."),
    email: blankable(emailField),
  })
  .refine((v) => v.role !== "rep" || v.teamId, { path: ["teamId"], message: "A rep joins a team: choose one." });

export const inviteIdSchema = z.object({ inviteId: uuidField });

/** A new person accepting an invite: their account details. */
export const acceptInviteNewSchema = z.object({ name: personNameField, email: emailField, password: newPasswordField });
