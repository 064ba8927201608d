// Positive whole-number settings read from the environment (rate limits and their windows), each
// with its default; a bad value stops the start with the setting's name.
import { z } from "zod";

export function positiveIntegerSettings<K extends string>(
  defaults: Record<K, number>,
  env: Record<string, string | undefined>,
): Record<K, number> {
  const names = Object.keys(defaults) as K[];
  const schema = z.object(
    Object.fromEntries(names.map((name) => [name, z.coerce.number().int().min(1).max(1_000_000_000).default(defaults[name])])),
  );
  const parsed = schema.safeParse(Object.fromEntries(names.map((name) => [name, env[name] || undefined])));
  if (!parsed.success) {
    const invalid = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Configuração inválida: ${invalid} deve ser um número inteiro positivo.`);
  }
  return parsed.data as Record<K, number>;
}
