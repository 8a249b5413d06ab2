import { z } from "zod";
import { checkboxField, emailField, newPasswordField, uuidField } from "./fields";

/** A link's token as it comes back from a mail: opaque, bounded. */
const linkTokenField = z.string({ error: "This link is not valid." }).min(16, "This link is not valid.").max(400, "This link is not valid.");

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({ token: linkTokenField, password: newPasswordField, confirmPassword: z.string().max(128) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

export const linkTokenSchema = z.object({ token: linkTokenField });

export const mailPreferencesSchema = z.object({
  orgId: uuidField,
  reminders: checkboxField,
  resultsShared: checkboxField,
  weeklyDigest: checkboxField,
});
