import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findRepoRoot } from "../../core/iso42001/yaml-data-file.js";
import { parseTrainingModule, type TrainingModule, TrainingModuleError } from "./training-module.js";

export const SHIPPED_MODULES_DIR = join("src", "features", "training", "modules");

/**
 * Every module file of the folder (`<id>.v<version>.yaml`), read and validated at start-up: a bad file stops the
 * bot with its name and line. Unset folder: the shipped modules.
 */
export function loadTrainingModules(folder?: string): TrainingModule[] {
  const dir = folder ?? join(findRepoRoot(import.meta.url), SHIPPED_MODULES_DIR);
  const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort();
  const modules = files.map((file) => parseTrainingModule(readFileSync(join(dir, file), "utf8"), file));
  const seen = new Set<string>();
  modules.forEach((module, index) => {
    const key = `${module.id} v${module.version}`;
    if (seen.has(key)) throw new TrainingModuleError(files[index]!, [`${files[index]}:1: ${key} is in two files`]);
    seen.add(key);
  });
  return modules;
}
