/**
 * Test helper run as a child process: opens the embedded database in the given folder, writes one row,
 * says "ready" and holds the folder until it is killed.
 */
import { sql } from "drizzle-orm";
import { openEmbedded } from "@/db/client";

const handle = await openEmbedded(process.argv[2]!);
await handle.db.execute(sql`insert into users (email, name, password_hash) values (${process.argv[3]!}, 'Held', 'x')`);
console.log("ready");
setInterval(() => {}, 60_000);
