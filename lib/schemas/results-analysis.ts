import { z } from "zod";
import { uuidField } from "./fields";

/** The "What predicts results" page: the cycle to show (else the open one, else the last that opened). */
export const resultsAnalysisViewSchema = z.object({ cycle: uuidField.optional().catch(undefined) });
