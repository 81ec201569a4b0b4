/**
 * zod's JSON Schema in the subset WordPress's `rest_validate_value_from_schema()` speaks, and the
 * same schemas as PHPStan types (scripts/generate-php.ts uses both).
 */
export type Schema = Record<string, unknown>;

/**
 * A zod JSON Schema in the subset `rest_validate_value_from_schema()` speaks: no `$schema`,
 * `const` as a one-value `enum`, and zod's JavaScript email pattern dropped for WordPress's
 * `format: email` (`is_email()`). A union of objects (`oneOf`, e.g. `authorize`) becomes one
 * object of every branch's fields, each optional unless every branch needs it; the branch rules
 * that depend on a discriminator stay with the login server, which parses the body whole.
 */
export function toWordPress(schema: Schema): Schema {
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const branches = ((schema.oneOf ?? schema.anyOf) as Schema[]).map(toWordPress);
    // `X | null`: one schema whose type list includes null (WordPress picks the type by value).
    const other = branches.filter((b) => b.type !== 'null');
    if (branches.length === 2 && other.length === 1 && typeof other[0].type === 'string')
      return { ...other[0], type: [other[0].type, 'null'] };
    if (branches.every((b) => b.type === 'object')) return mergeBranches(branches);
    return { anyOf: branches };
  }
  // Any JSON value (zod's recursive `z.json()`, e.g. WebAuthn extension outputs): WordPress has
  // no `$ref`, so the value's types are listed and the login server checks the rest.
  if (typeof schema.$ref === 'string') return { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] };
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === '$defs' || key === 'propertyNames') continue;
    if (key === 'const') out.enum = [value];
    else if (key === 'pattern' && schema.format === 'email') continue;
    else if (key === 'properties')
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, Schema>).map(([name, prop]) => [name, toWordPress(prop)]),
      );
    else if (key === 'items') out.items = toWordPress(value as Schema);
    else if (key === 'additionalProperties' && typeof value === 'object')
      out.additionalProperties = toWordPress(value as Schema);
    else out[key] = value;
  }
  return out;
}

function mergeBranches(branches: Schema[]): Schema {
  const properties: Record<string, Schema> = {};
  for (const branch of branches)
    for (const [name, prop] of Object.entries(branch.properties as Record<string, Schema>)) {
      const seen = properties[name];
      if (seen && Array.isArray(seen.enum) && Array.isArray(prop.enum))
        properties[name] = { ...seen, enum: [...new Set([...(seen.enum as unknown[]), ...(prop.enum as unknown[])])] };
      else properties[name] ??= prop;
    }
  const required = (branches[0].required as string[]).filter((name) =>
    branches.every((b) => (b.required as string[]).includes(name)),
  );
  return { type: 'object', properties, required, additionalProperties: false };
}

/** A WordPress schema as a PHPStan type (`array{slug: string, …}`). */
export function phpstanType(schema: Schema): string {
  const types = ([] as string[]).concat((schema.type as string | string[] | undefined) ?? []);
  const one = (type: string): string => {
    switch (type) {
      case 'object': {
        const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
        const required = (schema.required ?? []) as string[];
        return `array{${properties
          .map(([name, property]) => `${name}${required.includes(name) ? '' : '?'}: ${phpstanType(property)}`)
          .join(', ')}}`;
      }
      case 'array':
        return `list<${schema.items ? phpstanType(schema.items as Schema) : 'mixed'}>`;
      case 'boolean':
        return 'bool';
      case 'integer':
        return 'int';
      case 'number':
        return 'float|int';
      case 'string':
        return 'string';
      case 'null':
        return 'null';
      default:
        return 'mixed';
    }
  };
  return types.length ? types.map(one).join('|') : 'mixed';
}
