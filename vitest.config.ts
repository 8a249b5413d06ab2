import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // db/ and lib/'s entry modules start with `import "server-only"`, whose default export throws outside React's
      // server environment. Next (and scripts, through Node's --conditions=react-server) resolve it to the package's
      // empty module; so do the tests. Not the react-server condition itself: the tests also render React (mails).
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        // The same files run on the embedded database and, with TEST_DATABASE_URL, on a PostgreSQL server.
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/fake-session.ts"],
          // Signs mail links (unsubscribe, verification) as the server's session secret does.
          env: { NEXTAUTH_SECRET: "integration-tests-only-secret-0123456789" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Production servers killed, restarted, cut off from their database: needs `next build` first (npm test runs it).
        extends: true,
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
