import { timestamp } from "drizzle-orm/pg-core";

/** When a row was created: every table that keeps history has one. */
export const createdAtColumn = () => timestamp({ withTimezone: true }).notNull().defaultNow();
