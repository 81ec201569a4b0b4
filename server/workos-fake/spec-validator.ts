import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Test support: validates bodies against WorkOS's OpenAPI document
 * (`@workos/openapi-spec`). The document is OpenAPI 3.1, whose schemas are
 * JSON Schema 2020-12, hence Ajv2020. The whole document is registered as one
 * schema so `$ref: '#/components/schemas/…'` resolves where it stands.
 */

interface OpenApiResponse {
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, { schema?: unknown }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
}

export interface SpecTarget {
  method: string;
  path: string;
  status: number;
}

const SPEC_ID = 'https://workos.invalid/open-api-spec.json';
// ajv-formats is CommonJS; its default export arrives wrapped or not depending on the loader.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const pointer = (...segments: string[]) =>
  segments.map((s) => '/' + encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('');

export function loadSpec(): OpenApiDocument {
  const file = createRequire(import.meta.url).resolve('@workos/openapi-spec/spec');
  return parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

export class SpecValidator {
  readonly spec: OpenApiDocument;
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(spec: OpenApiDocument = loadSpec()) {
    if (!spec.openapi.startsWith('3.1'))
      throw new Error(`Expected OpenAPI 3.1 (JSON Schema 2020-12), got ${spec.openapi}`);
    this.spec = spec;
    // strict: false because OpenAPI adds keywords (example, discriminator) that JSON Schema does not know.
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...spec, $id: SPEC_ID });
  }

  response(target: SpecTarget): OpenApiResponse | undefined {
    return this.spec.paths[target.path]?.[target.method.toLowerCase()]?.responses?.[String(target.status)];
  }

  hasOperation(method: string, path: string): boolean {
    return this.spec.paths[path]?.[method.toLowerCase()] !== undefined;
  }

  /** The JSON body schema's validator, or null when the spec declares no JSON body for that status. */
  bodyValidator(target: SpecTarget): ValidateFunction | null {
    if (!this.response(target)?.content?.['application/json']?.schema) return null;
    const ref = pointer(
      'paths',
      target.path,
      target.method.toLowerCase(),
      'responses',
      String(target.status),
      'content',
      'application/json',
      'schema',
    );
    return this.compile(ref);
  }

  headerValidator(target: SpecTarget, header: string): ValidateFunction | null {
    if (!this.response(target)?.headers?.[header]?.schema) return null;
    const ref = pointer(
      'paths',
      target.path,
      target.method.toLowerCase(),
      'responses',
      String(target.status),
      'headers',
      header,
      'schema',
    );
    return this.compile(ref);
  }

  private compile(ref: string): ValidateFunction {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#${ref}` });
      this.compiled.set(ref, validate);
    }
    return validate;
  }
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}
