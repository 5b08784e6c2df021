/**
 * Lists the exported values (functions, constants, classes) of src/ that nothing uses: no
 * module of src/, tests/, scripts/ or bench/ imports them and their own module does not use
 * them either — dead code that noUnusedLocals cannot see, because it is exported. Run by
 * `npm run lint`; exits 1 when it finds one. `--all` also lists the exports that only their
 * own module uses (they could be locals; not a failure). Uses the TypeScript compiler over
 * tsconfig.json, so aliases, re-exports, `import * as ns` and `import()` (every export of
 * that module counts as used) are followed. Types are not checked: a component's Props or a
 * result's shape describe the module, they are not dead code.
 *
 * Kept apart: the entry points that something other than an import loads (webpack's entries,
 * the custom functions whose JSDoc the metadata generator reads, the CLI and its worker).
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Modules loaded by something other than an import: all their exports count as used. */
const ENTRY_POINTS = new Set(['src/functions/functions.ts', 'src/cli/worker.ts', 'src/taskpane/index.tsx', 'src/commands/commands.ts', 'src/cli/main.ts']);

function loadProgram(): ts.Program {
  const configPath = resolve(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram(parsed.fileNames, parsed.options);
}

/** The symbol an import or re-export stands for, through any chain of aliases. */
function target(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

export function unusedExports(program: ts.Program, root = ROOT): Unused[] {
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'));
  const used = new Set<ts.Symbol>();
  const wholeModules = new Set<ts.Symbol>();

  const useSpecifier = (node: ts.Node) => {
    const symbol = checker.getSymbolAtLocation(node);
    if (symbol) used.add(target(checker, symbol));
  };
  for (const file of files) {
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement) && statement.importClause) {
        const { name, namedBindings } = statement.importClause;
        if (name) useSpecifier(name);
        if (namedBindings && ts.isNamespaceImport(namedBindings)) {
          const module = checker.getSymbolAtLocation(statement.moduleSpecifier);
          if (module) wholeModules.add(module);
        } else if (namedBindings) {
          for (const element of namedBindings.elements) useSpecifier(element.name);
        }
      } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
        const module = checker.getSymbolAtLocation(statement.moduleSpecifier);
        if (!statement.exportClause && module) wholeModules.add(module);
        else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) useSpecifier(element.name);
        }
      }
    }
    // import('./x').then((m) => m.name) and typeof import('./x'): the module as a whole.
    const visit = (node: ts.Node): void => {
      if (
        (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) ||
        ts.isImportTypeNode(node)
      ) {
        const specifier = ts.isCallExpression(node) ? node.arguments[0]! : node.argument;
        const literal = ts.isLiteralTypeNode(specifier) ? specifier.literal : specifier;
        const module = checker.getSymbolAtLocation(literal);
        if (module) wholeModules.add(module);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  /** True when the file itself refers to the symbol somewhere besides its declaration. */
  const usedInFile = (file: ts.SourceFile, symbol: ts.Symbol): boolean => {
    const names = new Set((symbol.declarations ?? []).map((d) => ts.getNameOfDeclaration(d)));
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node) && node.text === symbol.name && !names.has(node)) {
        const at = checker.getSymbolAtLocation(node);
        if (at && target(checker, at) === symbol) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  };

  const out: Unused[] = [];
  for (const file of files) {
    const path = relative(root, file.fileName);
    if (!path.startsWith('src/') || ENTRY_POINTS.has(path)) continue;
    const module = checker.getSymbolAtLocation(file);
    if (!module || wholeModules.has(module)) continue;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = target(checker, exported);
      if (!(symbol.flags & ts.SymbolFlags.Value)) continue;
      if (used.has(symbol)) continue;
      const declaration = exported.declarations?.[0];
      const line = declaration ? file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1 : 0;
      out.push({ where: `${path}:${line}`, name: exported.name, dead: !usedInFile(file, symbol) });
    }
  }
  return out.sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }));
}

export interface Unused {
  readonly where: string;
  readonly name: string;
  /** Not even its own module uses it: dead code. Otherwise the export could be a local. */
  readonly dead: boolean;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const all = process.argv.includes('--all');
  const found = unusedExports(loadProgram());
  const dead = found.filter((u) => u.dead);
  for (const u of all ? found : dead) console.log(`${u.where} ${u.name}  (${u.dead ? 'exported, used nowhere' : 'exported, used only in its own module'})`);
  if (dead.length > 0) {
    console.error(`\n${dead.length} exported value(s) that nothing uses: remove them.`);
    process.exit(1);
  }
  console.log('unused exports: none');
}
