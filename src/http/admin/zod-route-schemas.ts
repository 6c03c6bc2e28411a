import type { FastifyInstance } from 'fastify';
import { z, type ZodType } from 'zod';

const zodOf = new WeakMap<object, ZodType>();

/**
 * The JSON Schema of a zod schema, for a route's `schema` (so OpenAPI documents it), remembered
 * so that the route is validated by zod itself: one definition, no drift between docs and checks.
 */
export function routeSchema(schema: ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  zodOf.set(json, schema);
  return json;
}

/** Validates requests with the zod schemas behind `routeSchema` and sends replies as plain JSON (response schemas only document). */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    const zod = zodOf.get(schema);
    if (!zod) return () => true;
    return (data: unknown) => {
      const result = zod.safeParse(data);
      return result.success ? { value: result.data } : { error: result.error };
    };
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}
