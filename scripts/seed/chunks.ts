const CHUNK = 1000;

/** Inserts many rows a thousand at a time (one statement per chunk stays under the driver's parameter limit). */
export async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}
