import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const SRC = path.resolve(import.meta.dirname, "../../src");

/** One import of a source file: `target` is a path under src/ for a relative import, else the package name. */
export interface Import {
  readonly from: string;
  readonly specifier: string;
  readonly target: string;
  readonly external: boolean;
}

/** Every import of every TypeScript file under src/ (the generated Prisma client aside), paths relative to src/. */
export function importsOfSrc(): Import[] {
  return sourceFiles(SRC).flatMap((file) => {
    const from = relative(file);
    return moduleSpecifiers(file).map((specifier) => {
      const external = !specifier.startsWith(".");
      const target = external ? specifier : relative(path.resolve(path.dirname(file), specifier).replace(/\.js$/, ".ts"));
      return { from, specifier, target, external };
    });
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(SRC, "db/generated") ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Static imports, re-exports, `import x = require()`, `import()` calls and `import("...")` types alike. */
function moduleSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      literal(node.moduleReference.expression);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) literal(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function relative(file: string): string {
  return path.relative(SRC, file).split(path.sep).join("/");
}

/** Groups of files that import each other, directly or through others (strongly connected components). */
export function importCycles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const { from, target, external } of imports) {
    if (!edges.has(from)) edges.set(from, []);
    if (!external) edges.get(from)!.push(target);
  }
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    order.set(file, order.size);
    lowest.set(file, order.get(file)!);
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(next)!));
      } else if (stack.includes(next)) lowest.set(file, Math.min(lowest.get(file)!, order.get(next)!));
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component = stack.splice(stack.indexOf(file));
    if (component.length > 1 || edges.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of edges.keys()) if (!order.has(file)) visit(file);
  return cycles;
}
