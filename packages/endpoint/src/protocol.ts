/**
 * The routes' validation comes from the protocol itself: each route declares its OpenAPI
 * operation, and its Fastify schema (path, query, headers, JSON body) is read from
 * `schemas/protocol/openapi.json` and the `*.schema.json` files it refers to. The document, the
 * code and the tests therefore cannot drift apart, and limits live in the schemas.
 *
 * Two ajv instances: bodies are checked as sent (no coercion, defaults filled in), the path,
 * query and headers, which arrive as text, are coerced to the types the document gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { Language } from '@guichet/core';
import type { FieldProblem } from './http-error.js';
import { protocolMessage } from './messages.js';

// ajv-formats' default export is the module object under NodeNext resolution.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** schemas/protocol, beside packages/ (this file runs from packages/endpoint/src or dist). */
export const defaultProtocolDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'schemas',
  'protocol',
);

type HttpPart = 'params' | 'querystring' | 'headers' | 'body';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Record<string, unknown>;
}

interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { $ref?: string }>; parameters: Record<string, Parameter> };
}

export class Protocol {
  private readonly operations = new Map<string, Operation>();
  private readonly document: OpenApiDocument;
  private readonly bodies: Ajv2020;
  private readonly parameters: Ajv2020;
  private readonly files = new Map<string, unknown>();

  constructor(readonly directory: string = defaultProtocolDir) {
    this.document = JSON.parse(readFileSync(join(directory, 'openapi.json'), 'utf8')) as OpenApiDocument;
    for (const item of Object.values(this.document.paths))
      for (const operation of Object.values(item)) this.operations.set(operation.operationId, operation);
    for (const name of readdirSync(directory).filter((file) => file.endsWith('.schema.json')))
      this.files.set(name, JSON.parse(readFileSync(join(directory, name), 'utf8')));
    const schemas = [...this.files.values()] as object[];
    this.bodies = addFormats(new Ajv2020({ allErrors: true, useDefaults: true, schemas }));
    // Parameter schemas are inline in the document: this one needs neither the files nor formats.
    this.parameters = new Ajv2020({ allErrors: true, useDefaults: true, coerceTypes: true });
  }

  /** The Fastify schema of an operation of openapi.json. */
  route(operationId: string): FastifySchema {
    const operation = this.operations.get(operationId);
    if (!operation) throw new Error(`openapi.json has no operation ${operationId}`);
    const schema: FastifySchema = {};
    const parts: [Parameter['in'], 'params' | 'querystring' | 'headers'][] = [
      ['path', 'params'],
      ['query', 'querystring'],
      ['header', 'headers'],
    ];
    const parameters = (operation.parameters ?? []).map((p) => ('$ref' in p ? this.resolveParameter(p.$ref) : p));
    for (const [location, part] of parts) {
      const here = parameters.filter((p) => p.in === location);
      if (here.length === 0) continue;
      // Header names arrive lowercased.
      const key = (p: Parameter) => (location === 'header' ? p.name.toLowerCase() : p.name);
      schema[part] = {
        type: 'object',
        properties: Object.fromEntries(here.map((p) => [key(p), p.schema])),
        required: here.filter((p) => p.required).map(key),
      };
    }
    const json = operation.requestBody?.content['application/json']?.schema;
    if (json?.$ref) schema.body = { $ref: this.schemaId(json.$ref) };
    return schema;
  }

  /** Most errors an answer lists: `maxItems` of ErrorBody's `errors`, so the document says the cap. */
  maxErrors(): number {
    const error = this.files.get('error.schema.json') as { properties?: { errors?: { maxItems?: unknown } } };
    const cap = error?.properties?.errors?.maxItems;
    if (typeof cap !== 'number') throw new Error('error.schema.json gives errors no maxItems');
    return cap;
  }

  /** Fastify compiles each route's schemas with the protocol's ajv. */
  install(app: FastifyInstance): void {
    app.setValidatorCompiler(({ schema, httpPart }) =>
      (httpPart === 'body' ? this.bodies : this.parameters).compile(schema as object),
    );
  }

  /** A protocol schema by file name, compiled (e.g. to check answers in tests). */
  validator(file: string) {
    return this.bodies.getSchema(new URL(file, 'https://guichet.dev/schemas/protocol/').href)!;
  }

  private resolveParameter(ref: string): Parameter {
    const name = ref.replace('#/components/parameters/', '');
    const parameter = this.document.components.parameters[name];
    if (!parameter) throw new Error(`openapi.json has no parameter ${ref}`);
    return parameter;
  }

  /** "#/components/schemas/Submission" → the $id of submission.schema.json. */
  private schemaId(ref: string): string {
    const name = ref.replace('#/components/schemas/', '');
    const file = this.document.components.schemas[name]?.$ref;
    if (!file) throw new Error(`openapi.json has no schema ${ref}`);
    return new URL(file, 'https://guichet.dev/schemas/protocol/').href;
  }
}

/** What ajv found wrong, one problem per place, in the reader's language. */
export function protocolProblems(errors: ErrorObject[], lang: Language): FieldProblem[] {
  const problems = new Map<string, FieldProblem>();
  for (const error of errors) {
    let pointer = error.instancePath;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') pointer += `/${String(params.missingProperty)}`;
    if (error.keyword === 'additionalProperties') pointer += `/${String(params.additionalProperty)}`;
    if (!problems.has(pointer))
      problems.set(pointer, { pointer, code: error.keyword, message: protocolMessage(error, lang) });
  }
  return [...problems.values()];
}

export type { HttpPart };
