import { registeredEntries } from "@/lib/chain/registry";
import { sourceFiles } from "./source-files";

/** Imports every module of lib/ so each action and loader registers itself, then returns the registry. */
export async function loadRegistry() {
  for (const file of sourceFiles("lib", /\.tsx?$/)) await import(file);
  return registeredEntries();
}
