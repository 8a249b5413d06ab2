import { z } from "zod";
import {
  emailField,
  newPasswordField,
  organisationNameField,
  personNameField,
  timeZoneField,
} from "./fields";

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

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(128),
    newPassword: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  });

export const signOutEverywhereSchema = z.object({});
