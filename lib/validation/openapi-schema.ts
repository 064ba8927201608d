// zod schema → the JSON Schema an OpenAPI 3.1 document embeds, and a reference to a named one.
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

export function toOpenApiSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return json;
}

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const jsonContent = (name: string) => ({ "application/json": { schema: schemaRef(name) } });
