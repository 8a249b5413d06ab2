import { z } from "zod";
import { blankable, uuidField } from "./fields";

/** "Remind those who have not submitted": one team, or blank for every team the member may remind. */
export const remindSchema = z.object({ teamId: blankable(uuidField) });

/** The reminders page: the cycle is the open one; a team narrows the list. */
export const remindersPageSchema = z.object({ team: blankable(uuidField) });
