import { z } from "zod";
import { BULK_INVITE_MAX, parseAddressList } from "@/lib/invites/address-list";
import { blankable, checkboxField, emailField, intField, newPasswordField, personNameField, uuidField } from "./fields";

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
    expiresInHours: intField(
      { invalid: "Choose when the link expires.", min: "A link lasts at least 1 hour.", max: "A link lasts at most 30 days." },
      1,
      720,
    ).default(168),
    maxUses: intField({ invalid: "Enter a whole number.", min: "At least 1 person must be able to use it.", max: "At most 500 uses." }, 1, 500),
    email: blankable(emailField),
    /** Mail the link to `email` (the form ticks it when an address is typed). */
    sendEmail: checkboxField,
  })
  .refine((v) => v.role !== "rep" || v.teamId, { path: ["teamId"], message: "A rep joins a team: choose one." })
  .refine((v) => !v.sendEmail || v.email, { path: ["email"], message: "Enter the address to send the link to." });

export const inviteIdSchema = z.object({ inviteId: uuidField });

/** A new person accepting an invite: their account details. */
export const acceptInviteNewSchema = z.object({ name: personNameField, email: emailField, password: newPasswordField });

/** Several people at once: one single-use invite bound to each address, all with the same role and team. */
export const bulkInviteSchema = z
  .object({
    role: z.enum(["admin", "leader", "rep"], { error: "Choose a role." }),
    teamId: blankable(uuidField),
    expiresInHours: intField(
      { invalid: "Choose when the links expire.", min: "A link lasts at least 1 hour.", max: "A link lasts at most 30 days." },
      1,
      720,
    ).default(168),
    emails: z
      .string({ error: "Paste the addresses to invite." })
      .max(BULK_INVITE_MAX * 300, "That list is too long.")
      .transform((text, ctx) => {
        const { addresses, invalid } = parseAddressList(text);
        if (invalid.length > 0) {
          const shown = invalid.slice(0, 5).join(", ");
          ctx.addIssue({
            code: "custom",
            message: `Not an email address: ${shown}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ""}. Fix or remove ${invalid.length === 1 ? "it" : "them"}.`,
          });
          return z.NEVER;
        }
        if (addresses.length === 0) {
          ctx.addIssue({ code: "custom", message: "Paste at least one email address." });
          return z.NEVER;
        }
        if (addresses.length > BULK_INVITE_MAX) {
          ctx.addIssue({ code: "custom", message: `At most ${BULK_INVITE_MAX} addresses at once (this list has ${addresses.length}).` });
          return z.NEVER;
        }
        return addresses;
      }),
  })
  .refine((v) => v.role !== "rep" || v.teamId, { path: ["teamId"], message: "A rep joins a team: choose one." });
