import { actionId, callAction, statementsOf, type AppServer } from "./app";

export const IMPORT_ROWS = 5_000;
const RUNS = 3;

export type ImportFigures = {
  rows: number;
  /** Milliseconds of each run's preview and confirm, as the client waits for them (HTTP included). */
  previewMs: number[];
  confirmMs: number[];
  /** SQL statements of one preview and one confirm, counted by the server. */
  previewQueries: number;
  confirmQueries: number;
};

/** A people file of `rows` new people: reps over 20 new teams, one leader of two of them per 100 rows. */
function peopleFile(run: number, rows = IMPORT_ROWS): string {
  const lines = ["name;email;role;team"];
  for (let i = 0; i < rows; i++) {
    const team = `Imported ${run}-${i % 20}`;
    lines.push(
      i % 100 === 0
        ? `Leader ${run}-${i};leader.${run}.${i}@bench.example;leader;${team} | Imported ${run}-${(i + 1) % 20}`
        : `Rep ${run}-${i};rep.${run}.${i}@bench.example;rep;${team}`,
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * Imports `RUNS` files of 5,000 new people each as the admin, through the two server actions as the import page
 * calls them: the preview, then the confirm with the preview's digest and the invitation mails queued. Each must
 * answer ok with every row invited.
 */
export async function measurePeopleImport(app: AppServer, admin: string, slug: string): Promise<ImportFigures> {
  const page = `/o/${slug}/members/import`;
  const previewId = actionId("lib/people-import/actions.ts", "previewImport");
  const confirmId = actionId("lib/people-import/actions.ts", "confirmImport");
  const figures: ImportFigures = { rows: IMPORT_ROWS, previewMs: [], confirmMs: [], previewQueries: 0, confirmQueries: 0 };
  for (let run = 0; run < RUNS; run++) {
    const content = peopleFile(run);
    let digest = "";
    const preview = async () => {
      const started = performance.now();
      const { outcome } = await callAction<{ status: string; data?: { digest: string; counts: { invite: number } } }>(
        app.url,
        admin,
        previewId,
        page,
        [slug, { content }],
      );
      figures.previewMs.push(performance.now() - started);
      if (outcome?.status !== "ok" || outcome.data!.counts.invite !== IMPORT_ROWS)
        throw new Error(`The import's preview answered ${JSON.stringify(outcome)?.slice(0, 300)}`);
      digest = outcome.data!.digest;
    };
    const confirm = async () => {
      const started = performance.now();
      const { outcome } = await callAction<{ status: string; data?: { invited: number } }>(app.url, admin, confirmId, page, [
        slug,
        { content, digest, sendEmail: "on", expiresInHours: "168" },
      ]);
      figures.confirmMs.push(performance.now() - started);
      if (outcome?.status !== "ok" || outcome.data!.invited !== IMPORT_ROWS)
        throw new Error(`The import's confirm answered ${JSON.stringify(outcome)?.slice(0, 300)}`);
    };
    if (run === 0) {
      figures.previewQueries = await statementsOf(app, preview);
      figures.confirmQueries = await statementsOf(app, confirm);
    } else {
      await preview();
      await confirm();
    }
  }
  return figures;
}
