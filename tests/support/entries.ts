import { registeredEntries, type RegistryEntry } from "@/lib/chain/registry";
import { loadOrganisationExport } from "@/lib/export/loaders";
import { actAs } from "./fixtures";
import type { MatrixFixture } from "./matrix/types";

void loadOrganisationExport; // registers the organisation export, which organisationExportText calls

type Entry<E extends RegistryEntry["entry"]> = RegistryEntry & { entry: E };

function entryOf<E extends RegistryEntry["entry"]>(kind: E, name: string): Entry<E> {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== kind) throw new Error(`${name} is not a registered ${kind} entry`);
  return found as Entry<E>;
}

/** A registered member entry (page, layout or action), called as the chain calls it: `memberEntry(name).call(slug, input)`. */
export const memberEntry = (name: string) => entryOf("member", name);

/** A registered account entry (the person's own pages and changes): `accountEntry(name).call(input)`. */
export const accountEntry = (name: string) => entryOf("account", name);

/** The organisation's JSON export as its admin downloads it, read to the end, as text. */
export async function organisationExportText(fixture: MatrixFixture): Promise<string> {
  actAs(fixture, "admin");
  const outcome = await memberEntry("/o/[slug]/export").call(fixture.slug, {});
  if (outcome.status !== "ok") throw new Error(`export: ${outcome.code}`);
  return new Response((outcome.data as { stream: ReadableStream<Uint8Array> }).stream).text();
}
