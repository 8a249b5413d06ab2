import { z } from "zod";
import { uuidField } from "./fields";

/** The calibration page and its CSV: the cycle to show (else the open one, else the last that opened). */
export const calibrationViewSchema = z.object({ cycle: uuidField.optional().catch(undefined) });
