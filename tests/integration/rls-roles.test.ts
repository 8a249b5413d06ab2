import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openServer } from "@/db/client";
import { inScope } from "@/db/tenant";
import { queueMail } from "@/lib/mail/queue";
import { smtpTransport } from "@/lib/mail/transport";
import { deliverDueMails } from "@/lib/mail/worker";
import { seedDemo } from "@/scripts/seed";
import { onServer, rowsOf } from "../support/database";
import { startSmtpServer } from "../support/smtp";
import { withDatabase } from "../support/template";

/**
 * The production setup of docs/rls.md on a PostgreSQL server: an owner that is no superuser migrates and seeds
 * (DATABASE_MIGRATION_URL), the app connects as a login role that is only a member of coachgrid_app (DATABASE_URL).
 * Roles belong to the whole cluster: the test makes its own and drops them. The embedded database has one user and
 * one connection, so there is no second URL to test there.
 */
describe("the two-URL setup: owner for migrations and seeds, a role that owns nothing for the app", () => {
  it.skipIf(!onServer)("migrates and seeds as a non-superuser owner, and the app's role sees only the organisation it names", async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const tag = crypto.randomUUID().replaceAll("-", "").slice(0, 12);
    const [owner, app, database] = [`rls_owner_${tag}`, `rls_app_${tag}`, `rls_db_${tag}`];
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const asRole = (role: string) => withDatabase(serverUrl.replace("//postgres@", `//${role}@`), database);
    try {
      await admin.unsafe(`create role ${owner} login createrole`);
      await admin.unsafe(`create database ${database} owner ${owner}`);

      // The owner migrates (creating or reusing coachgrid_app) and seeds: the forced wall holds it, and the seed
      // writes its organisation from inside it.
      const asOwner = await openServer(asRole(owner), 2);
      try {
        await seedDemo(asOwner.db);
      } finally {
        await asOwner.close();
      }
      await admin.unsafe(`create role ${app} login in role coachgrid_app`);

      const handle = await openServer(asRole(app), 2, { migrationUrl: asRole(owner) });
      try {
        const teamsOutside = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from teams`));
        expect(Number(teamsOutside[0]!.n)).toBe(0); // no transaction, no organisation: nothing, even without a filter
        const inside = await inScope(handle.db, { slug: "brightwater" }, async (tx) =>
          rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from teams`)),
        );
        expect(Number(inside[0]!.n)).toBeGreaterThan(0);
        // The mail worker crosses organisations through its own policy on mail_outbox alone.
        const queued = await inScope(handle.db, { slug: "brightwater" }, async (tx) => {
          await queueMail(tx, rowsOf<{ id: string }>(await tx.execute(sql`select id from organisations where slug = 'brightwater'`))[0]!.id, {
            kind: "password_reset",
            to: { email: "worker@example.test" },
            props: { name: "Worker", token: "t", sentBy: { name: "Ada", org: "Brightwater" } },
          });
          return true;
        });
        expect(queued).toBe(true);
        const smtp = await startSmtpServer();
        try {
          expect(await deliverDueMails(handle.db, { transport: smtpTransport(smtp.url, "Coachgrid <c@example.test>"), retrySeconds: 1 })).toEqual({
            sent: 1,
            retried: 0,
            failed: 0,
          });
          await smtp.waitFor(1);
        } finally {
          await smtp.close();
        }
        // It owns nothing and may not change the schema.
        await expect(handle.db.execute(sql`alter table teams disable row level security`)).rejects.toThrow();
      } finally {
        await handle.close();
      }
    } finally {
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.unsafe(`drop role if exists ${app}`);
      await admin.unsafe(`drop role if exists ${owner}`);
      await admin.end();
    }
  });
});
