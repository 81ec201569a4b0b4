/**
 * The `@wordpress/i18n` calls of TypeScript/TSX source, found with TypeScript's own parser:
 * `__`, `_x`, `_n`, `_nx` (imported from `@wordpress/i18n`, or as `i18n.__` / `wp.i18n.__`), with
 * the `translators:` comment written before the call or before the expression that holds it.
 */
import ts from 'typescript';
import { type Message, TRANSLATORS, translatorsText } from './messages.ts';
import type { Unextractable } from './php.ts';

const JS_FUNCTIONS: Record<string, Array<'text' | 'plural' | 'context' | 'domain' | 'number'>> = {
  __: ['text', 'domain'],
  _x: ['text', 'context', 'domain'],
  _n: ['text', 'plural', 'number', 'domain'],
  _nx: ['text', 'plural', 'number', 'context', 'domain'],
};

/** The literal value of an expression: a string, a template without substitutions, or `a + b`. */
function literal(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literal(node.left);
    const right = literal(node.right);
    return left === null || right === null ? null : left + right;
  }
  return null;
}

/** The translators comment in the comments just before `pos`, if any. */
function translatorsBefore(text: string, pos: number): string | undefined {
  // TypeScript calls a comment on the same line as the token before it "trailing" and one on a
  // line of its own "leading": both can precede the call.
  const ranges = [...(ts.getTrailingCommentRanges(text, pos) ?? []), ...(ts.getLeadingCommentRanges(text, pos) ?? [])];
  for (const r of ranges.reverse()) {
    const comment = text.slice(r.pos, r.end);
    if (TRANSLATORS.test(comment)) return translatorsText(comment);
  }
  return undefined;
}

export function extractTs(
  source: string,
  file: string,
  domain: string,
): { messages: Message[]; unextractable: Unextractable[] } {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  // Local names bound to @wordpress/i18n's functions (`import { __ as t }` works too).
  const local = new Map<string, string>();
  for (const statement of sf.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === '@wordpress/i18n' &&
      statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings)
    )
      for (const el of statement.importClause.namedBindings.elements) {
        const imported = (el.propertyName ?? el.name).text;
        if (imported in JS_FUNCTIONS) local.set(el.name.text, imported);
      }
  }
  const messages: Message[] = [];
  const unextractable: Unextractable[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      let name: string | undefined;
      if (ts.isIdentifier(callee)) name = local.get(callee.text);
      else if (ts.isPropertyAccessExpression(callee) && /(^|\.)i18n$/.test(callee.expression.getText(sf)))
        name = callee.name.text in JS_FUNCTIONS ? callee.name.text : undefined;
      if (name) {
        const order = JS_FUNCTIONS[name];
        const value = (role: string) => {
          const at = order.indexOf(role as (typeof order)[number]);
          return at < 0 || !node.arguments[at] ? undefined : literal(node.arguments[at]);
        };
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        const where = { file, line, call: node.getText(sf) };
        const callDomain = value('domain');
        const text = value('text');
        if (callDomain === undefined) unextractable.push({ ...where, why: 'no text domain' });
        else if (callDomain === null) unextractable.push({ ...where, why: 'the text domain is not a literal' });
        else if (callDomain === domain) {
          if (text === null || text === undefined || value('plural') === null || value('context') === null)
            unextractable.push({ ...where, why: 'the text, plural or context is not a literal' });
          else {
            // The comment sits before the call, or before an expression that starts with it
            // (`sprintf( /* translators */ __(…))`, `/* translators */ sprintf(__(…))`, a JSX
            // attribute or a variable declaration on the line before).
            let comment: string | undefined;
            for (let n: ts.Node = node; !comment && n !== sf; n = n.parent) {
              comment = translatorsBefore(sf.text, n.getFullStart());
              if (ts.isStatement(n) || ts.isJsxAttribute(n)) break;
            }
            messages.push({
              msgid: text,
              plural: value('plural') ?? undefined,
              context: value('context') ?? undefined,
              comment,
              reference: `${file}:${line}`,
              format: 'js',
            });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { messages, unextractable };
}

/** The relative imports of a TS/TSX file, resolved to files (for which script holds which string). */
export function relativeImports(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'));
}
