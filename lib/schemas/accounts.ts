import { z } from "zod";
import { emailField, newPasswordField, organisationNameField, personNameField, timeZoneField } from "./fields";

export const signUpSchema = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  organisationName: organisationNameField,
  timeZone: timeZoneField,
});

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(128),
});

export const updateProfileSchema = z.object({ name: personNameField });

/** The current password, which every change to the account's credentials asks for first. */
const currentPasswordField = z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(128);

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordField,
    newPassword: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  });

export const signOutEverywhereSchema = z.object({});

/** The account page's "Change email": the new address, confirmed by a link mailed to it; the current password first. */
export const requestEmailChangeSchema = z.object({ newEmail: emailField, currentPassword: currentPasswordField });

/** What a person types to delete their account, besides their password (case and spaces around it do not matter). */
export const DELETE_CONFIRMATION = "delete my account";

export const deleteAccountSchema = z.object({
  currentPassword: currentPasswordField,
  confirmation: z
    .string({ error: `Type “${DELETE_CONFIRMATION}” to confirm.` })
    .max(100, `Type “${DELETE_CONFIRMATION}” to confirm.`)
    .refine((value) => value.trim().toLowerCase() === DELETE_CONFIRMATION, `Type “${DELETE_CONFIRMATION}” to confirm.`),
});
