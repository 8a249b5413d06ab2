import fs from "node:fs";
import path from "node:path";

/** Every file below `dir` (relative to the project root) whose name matches. */
export function sourceFiles(dir: string, match: RegExp): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (match.test(entry.name)) out.push(full);
    }
  };
  walk(path.resolve(dir));
  return out.sort();
}

/** Whether the module starts with the "use server" directive. */
export function isServerActionModule(file: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(fs.readFileSync(file, "utf8"));
}
