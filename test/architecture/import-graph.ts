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
