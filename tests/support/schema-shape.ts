// The shape of a database as schema.prisma describes it (Prisma's own parser, get_dmmf) and as
// PostgreSQL's catalog shows it, and the readable diff between the two. Used by the drift test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type { SqlClient } from "@/lib/db/sql-client";

export const SCHEMA_TEXT = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");

/**
 * Objects the schema language can't express, created by hand in the migrations. Listed here so
 * that they are checked by name, and so that a new one has to be added on purpose.
 */
const HAND_WRITTEN = [
  "function customers_set_search_text",
  "function search_normalize",
  "function subscription_event_daily_add",
  "trigger customers.customers_search_text",
  "trigger subscription_events.subscription_events_daily",
  "check accounts.accounts_grace_days_check",
  "check accounts.accounts_swap_limit_check",
  "check activations.activations_deactivation_check",
  "check subscriptions.subscriptions_period_check",
  "function webhook_iso",
  "function subscription_events_account_order",
  "trigger subscription_events.subscription_events_account_order",
  "function webhook_enqueue_subscription_event",
  "function webhook_enqueue_account_event",
  "trigger subscription_events.subscription_events_webhooks",
  "trigger account_events.account_events_webhooks",
];

// ---------------------------------------------------------------------------------------------
// The shape both sides are reduced to: flat maps of named objects whose properties are compared.

type Column = { type: string; notNull: boolean; default: string | null };
type Index = { table: string; unique: boolean; method: string; columns: string[]; predicate: string | null };
type PrimaryKey = { table: string; columns: string[] };
type ForeignKey = { table: string; columns: string[]; references: string; onDelete: string; onUpdate: string };

type Shape = {
  tables: Map<string, object>;
  columns: Map<string, Column>;
  enums: Map<string, { values: string[] }>;
  primaryKeys: Map<string, PrimaryKey>;
  indexes: Map<string, Index>;
  foreignKeys: Map<string, ForeignKey>;
  extensions: Map<string, object>;
  handWritten: Map<string, object>;
};

const LABELS: Record<keyof Shape, string> = {
  tables: "table",
  columns: "column",
  enums: "enum",
  primaryKeys: "primary key",
  indexes: "index",
  foreignKeys: "foreign key",
  extensions: "extension",
  handWritten: "hand-written object",
};

function diffShapes(expected: Shape, actual: Shape): string[] {
  const diffs: string[] = [];
  for (const kind of Object.keys(LABELS) as (keyof Shape)[]) {
    const want = expected[kind] as Map<string, Record<string, unknown>>;
    const got = actual[kind] as Map<string, Record<string, unknown>>;
    const label = LABELS[kind];
    for (const [name, wanted] of want) {
      const found = got.get(name);
      if (!found) {
        diffs.push(`${label} ${name}: missing in the database`);
        continue;
      }
      for (const [prop, value] of Object.entries(wanted)) {
        if (!isDeepStrictEqual(value, found[prop])) {
          diffs.push(
            `${label} ${name}: ${prop} is ${JSON.stringify(found[prop])} in the database, expected ${JSON.stringify(value)}`,
          );
        }
      }
    }
    for (const name of got.keys()) {
      if (!want.has(name)) {
        const source = kind === "handWritten" ? "HAND_WRITTEN of schema-drift.test.ts" : "schema.prisma";
        diffs.push(`${label} ${name}: in the database but not in ${source}`);
      }
    }
  }
  return diffs;
}

// ---------------------------------------------------------------------------------------------
// Expected: what `prisma migrate` would create from schema.prisma.

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  nativeType?: [string, string[]] | null;
  isRequired: boolean;
  isList: boolean;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] };
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc"; sort?: string; operatorClass?: string }[];
};
type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

/** Prisma's type when the field has no @db attribute. */
const DEFAULT_SQL_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** @db.X(args) → PostgreSQL's format_type() spelling. */
const NATIVE_SQL_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  VarChar: ([n]) => (n ? `character varying(${n})` : "character varying"),
  Char: ([n]) => `character(${n ?? 1})`,
  Timestamptz: ([p]) => (p ? `timestamp(${p}) with time zone` : "timestamp with time zone"),
  Timestamp: ([p]) => (p ? `timestamp(${p}) without time zone` : "timestamp without time zone"),
  Date: () => "date",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  BigInt: () => "bigint",
  Boolean: () => "boolean",
  DoublePrecision: () => "double precision",
  Real: () => "real",
  Decimal: ([p, s]) => (p ? `numeric(${p},${s ?? 0})` : "numeric"),
  JsonB: () => "jsonb",
  Json: () => "json",
  ByteA: () => "bytea",
  Inet: () => "inet",
  Citext: () => "citext",
};

const ON_DELETE_CODES: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

/** Prisma's default constraint names, truncated like Prisma does to PostgreSQL's 63 bytes. */
function prismaName(table: string, columns: string[], suffix: "pkey" | "key" | "idx" | "fkey"): string {
  const base = suffix === "pkey" ? table : `${table}_${columns.join("_")}`;
  return `${base.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

export function expectedShape(schemaText: string): Shape {
  const { datamodel } = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as { datamodel: Datamodel };
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enums = new Map(datamodel.enums.map((item) => [item.name, item]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const fieldOf = (model: DmmfModel, name: string) => model.fields.find((field) => field.name === name)!;
  const columnOf = (model: DmmfModel, name: string) => fieldOf(model, name).dbName ?? name;
  const enumName = (name: string) => enums.get(name)!.dbName ?? name;
  const shape = emptyShape();

  for (const item of datamodel.enums) {
    shape.enums.set(enumName(item.name), { values: item.values.map((value) => value.dbName ?? value.name) });
  }

  const relationMaps = relationConstraintNames(schemaText);
  for (const model of datamodel.models) {
    const table = tableOf(model);
    shape.tables.set(table, {});
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (!field.relationFromFields?.length) continue;
        const target = models.get(field.type)!;
        const columns = field.relationFromFields.map((name) => columnOf(model, name));
        const referenced = field.relationToFields!.map((name) => columnOf(target, name));
        shape.foreignKeys.set(relationMaps.get(`${model.name}.${field.name}`) ?? prismaName(table, columns, "fkey"), {
          table,
          columns,
          references: `${tableOf(target)}(${referenced.join(", ")})`,
          // Prisma's referential-action defaults.
          onDelete: field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull"),
          onUpdate: field.relationOnUpdate ?? "Cascade",
        });
        continue;
      }
      shape.columns.set(`${table}.${field.dbName ?? field.name}`, {
        type: expectedType(model, field, enumName),
        // Prisma creates scalar lists nullable even though the field is "required".
        notNull: field.isRequired && !field.isList,
        default: expectedDefault(model, field, enums),
      });
    }
  }

  const predicates = partialIndexPredicates(schemaText, models);
  for (const index of datamodel.indexes) {
    const model = models.get(index.model)!;
    const table = tableOf(model);
    const columns = index.fields.map((field) => columnOf(model, field.name));
    if (index.type === "id") {
      shape.primaryKeys.set(index.dbName ?? prismaName(table, columns, "pkey"), { table, columns });
      continue;
    }
    if (index.type === "fulltext") throw new Error(`Teach schema-drift.test.ts about ${index.type} indexes (${index.model}).`);
    const name = index.dbName ?? prismaName(table, columns, index.type === "unique" ? "key" : "idx");
    const predicate = predicates.get(name);
    predicates.delete(name);
    shape.indexes.set(name, {
      table,
      unique: index.type === "unique",
      method: (index.algorithm ?? "BTree").toLowerCase(),
      columns: index.fields.map((field, i) => {
        const desc = (field.sortOrder ?? field.sort)?.toLowerCase() === "desc";
        const opclass = field.operatorClass ? ` ${operatorClassName(field.operatorClass)}` : "";
        return `${columns[i]}${desc ? " DESC" : ""}${opclass}`;
      }),
      predicate: predicate === undefined ? null : normalizeSql(predicate),
    });
  }
  if (predicates.size)
    throw new Error(`where: of unknown indexes ${[...predicates.keys()].join(", ")} (parser out of step with get_dmmf)`);

  for (const name of datasourceExtensions(schemaText)) shape.extensions.set(name, {});
  for (const name of HAND_WRITTEN) shape.handWritten.set(name, {});
  return shape;
}

function expectedType(model: DmmfModel, field: DmmfField, enumName: (name: string) => string): string {
  let base: string | undefined;
  if (field.kind === "enum") base = `enum ${enumName(field.type)}`;
  else if (field.nativeType) base = NATIVE_SQL_TYPES[field.nativeType[0]]?.(field.nativeType[1]);
  else base = DEFAULT_SQL_TYPES[field.type];
  if (!base)
    throw new Error(
      `Teach schema-drift.test.ts the SQL type of ${model.name}.${field.name} (${field.type} ${field.nativeType?.[0] ?? ""}).`,
    );
  return field.isList ? `${base}[]` : base;
}

/** The column default PostgreSQL reports, as normalizeSql() renders it; null when Prisma sets it client-side. */
function expectedDefault(model: DmmfModel, field: DmmfField, enums: Map<string, DmmfEnum>): string | null {
  const value = field.default;
  if (value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") {
    const literal =
      field.kind === "enum" ? (enums.get(field.type)!.values.find((v) => v.name === value)?.dbName ?? value) : value;
    return `'${literal.replaceAll("'", "''")}'`;
  }
  const fn = value as { name: string; args: unknown[] };
  if (fn.name === "dbgenerated") return normalizeSql(String(fn.args[0]));
  if (fn.name === "now") return "current_timestamp";
  if (fn.name === "autoincrement") {
    return normalizeSql(`nextval('${model.dbName ?? model.name}_${field.dbName ?? field.name}_seq'::regclass)`);
  }
  if (["uuid", "cuid", "nanoid", "ulid"].includes(fn.name)) return null;
  throw new Error(`Teach schema-drift.test.ts the default ${JSON.stringify(value)} of ${model.name}.${field.name}.`);
}

/** Operator classes are either raw("name") or Prisma's names (JsonbPathOps → jsonb_path_ops). */
function operatorClassName(name: string): string {
  return /^[A-Z]/.test(name) ? name.replace(/(?<=[a-z0-9])([A-Z])/g, "_$1").toLowerCase() : name;
}

// The DMMF drops `where:` of partial indexes and `map:` of relations, so both are read from the text.

/** Top-level attribute calls `@@name(…)` / `@name(…)` of a model body, with their argument text. */
function attributeCalls(body: string, attribute: string): string[] {
  const calls: string[] = [];
  const opening = new RegExp(`${attribute}\\(`, "g");
  for (let match = opening.exec(body); match; match = opening.exec(body)) {
    let depth = 1;
    let i = match.index + match[0].length;
    for (let quoted = false; i < body.length && depth > 0; i++) {
      const char = body[i];
      if (quoted) {
        if (char === "\\") i++;
        else if (char === '"') quoted = false;
      } else if (char === '"') quoted = true;
      else if (char === "(" || char === "[") depth++;
      else if (char === ")" || char === "]") depth--;
    }
    calls.push(body.slice(match.index + match[0].length, i - 1));
  }
  return calls;
}

function modelBodies(schemaText: string): [string, string][] {
  const withoutComments = schemaText.replace(/^\s*\/\/.*$/gm, "");
  return [...withoutComments.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map((match) => [match[1]!, match[2]!]);
}

function partialIndexPredicates(schemaText: string, models: Map<string, DmmfModel>): Map<string, string> {
  const predicates = new Map<string, string>();
  let expectedCount = 0;
  for (const [modelName, body] of modelBodies(schemaText)) {
    expectedCount += body.match(/\bwhere\s*:/g)?.length ?? 0;
    const model = models.get(modelName)!;
    for (const [attribute, suffix] of [
      ["@@index", "idx"],
      ["@@unique", "key"],
    ] as const) {
      for (const args of attributeCalls(body, attribute)) {
        const where = /\bwhere\s*:\s*raw\(\s*"((?:[^"\\]|\\.)*)"\s*\)/.exec(args);
        if (!where) continue;
        const map = /\bmap\s*:\s*"([^"]+)"/.exec(args)?.[1];
        // Field names are the identifiers at depth 0 of the leading [...] list.
        const list = /^\s*(?:fields\s*:\s*)?\[([\s\S]*)$/.exec(args)![1]!;
        const names: string[] = [];
        let depth = 0;
        for (const token of list.matchAll(/"(?:[^"\\]|\\.)*"|[()[\]]|\w+/g)) {
          if (token[0] === "(" || token[0] === "[") depth++;
          else if (token[0] === ")") depth--;
          else if (token[0] === "]" && depth-- === 0) break;
          else if (depth === 0 && /^\w/.test(token[0])) names.push(token[0]);
        }
        const table = model.dbName ?? model.name;
        const columns = names.map((name) => model.fields.find((field) => field.name === name)?.dbName ?? name);
        predicates.set(map ?? prismaName(table, columns, suffix), where[1]!.replace(/\\(.)/g, "$1"));
      }
    }
  }
  if (predicates.size !== expectedCount) {
    throw new Error(
      `Read ${predicates.size} index predicates but schema.prisma has ${expectedCount} "where:"; fix the parser in this test.`,
    );
  }
  return predicates;
}

function relationConstraintNames(schemaText: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [modelName, body] of modelBodies(schemaText)) {
    for (const line of body.split("\n")) {
      const field = /^\s*(\w+)\s/.exec(line)?.[1];
      const map = attributeCalls(line, "@relation")
        .map((args) => /\bmap\s*:\s*"([^"]+)"/.exec(args)?.[1])
        .find(Boolean);
      if (field && map) names.set(`${modelName}.${field}`, map);
    }
  }
  return names;
}

function datasourceExtensions(schemaText: string): string[] {
  const list = /datasource\s+\w+\s*\{[\s\S]*?\bextensions\s*=\s*\[([^\]]*)\]/.exec(schemaText)?.[1] ?? "";
  return [...list.matchAll(/(\w+)/g)].map((match) => match[1]!);
}

/**
 * Both sides of a predicate or default in one spelling: PostgreSQL stores
 * `status = 'SUSPENSA'` as `(status = 'SUSPENSA'::"SubscriptionStatus")`, so casts, parentheses,
 * identifier quotes, case and whitespace outside string literals are dropped.
 */
function normalizeSql(sql: string): string {
  const cast =
    /::(?:"[^"]+"|character varying|bit varying|double precision|(?:timestamp|time)(?:\(\d+\))? with(?:out)? time zone|[a-z_][a-z0-9_]*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?/gi;
  return sql
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 ? part : part.replace(cast, "").replace(/[()"]/g, " ").toLowerCase()))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Actual: what the catalog says about the current schema.

const IGNORED_TABLE = "_prisma_migrations";

function emptyShape(): Shape {
  return {
    tables: new Map(),
    columns: new Map(),
    enums: new Map(),
    primaryKeys: new Map(),
    indexes: new Map(),
    foreignKeys: new Map(),
    extensions: new Map(),
    handWritten: new Map(),
  };
}

async function actualShape(sql: SqlClient): Promise<Shape> {
  const shape = emptyShape();

  const tables = await sql.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> $1`,
    [IGNORED_TABLE],
  );
  for (const { name } of tables) shape.tables.set(name, {});

  const columns = await sql.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    full_type: string;
    element_kind: string;
    element_name: string;
  }>(
    `SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text, c.column_default::text,
            format_type(a.atttypid, a.atttypmod) AS full_type, e.typtype::text AS element_kind, e.typname::text AS element_name
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_type e ON e.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
      WHERE c.table_schema = current_schema() AND c.table_name <> $1`,
    [IGNORED_TABLE],
  );
  for (const column of columns) {
    // information_schema says USER-DEFINED/ARRAY; spell enums and lists the way expectedType() does.
    const base = column.element_kind === "e" ? `enum ${column.element_name}` : column.full_type.replace(/\[\]$/, "");
    shape.columns.set(`${column.table_name}.${column.column_name}`, {
      type: column.data_type === "ARRAY" ? `${base}[]` : base,
      notNull: column.is_nullable === "NO",
      default: column.column_default === null ? null : normalizeSql(column.column_default),
    });
  }

  const enums = await sql.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`,
  );
  for (const { name, values } of enums) shape.enums.set(name, { values });

  const constraints = await sql.query<{
    name: string;
    kind: string;
    table_name: string;
    columns: string[];
    ref_table: string | null;
    ref_columns: string[] | null;
    on_delete: string;
    on_update: string;
  }>(
    `SELECT con.conname::text AS name, con.contype::text AS kind, t.relname::text AS table_name,
            array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            rt.relname::text AS ref_table,
            array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_class rt ON rt.oid = con.confrelid
      WHERE n.nspname = current_schema() AND t.relname <> $1`,
    [IGNORED_TABLE],
  );
  for (const con of constraints) {
    if (con.kind === "p") shape.primaryKeys.set(con.name, { table: con.table_name, columns: con.columns });
    else if (con.kind === "f") {
      shape.foreignKeys.set(con.name, {
        table: con.table_name,
        columns: con.columns,
        references: `${con.ref_table}(${con.ref_columns!.join(", ")})`,
        onDelete: ON_DELETE_CODES[con.on_delete] ?? con.on_delete,
        onUpdate: ON_DELETE_CODES[con.on_update] ?? con.on_update,
      });
    } else if (con.kind === "c") shape.handWritten.set(`check ${con.table_name}.${con.name}`, {});
    // Unique constraints ("u") also have an index, compared below; Prisma creates unique indexes.
  }

  const indexColumns = await sql.query<{
    name: string;
    table_name: string;
    unique: boolean;
    method: string;
    predicate: string | null;
    column: string | null;
    option: number;
    opclass: string;
    default_opclass: boolean;
  }>(
    `SELECT i.relname::text AS name, t.relname::text AS table_name, ix.indisunique AS unique, am.amname::text AS method,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate, a.attname::text AS column, k.option::int AS option,
            oc.opcname::text AS opclass, oc.opcdefault AS default_opclass
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
       CROSS JOIN LATERAL unnest(ix.indkey::int2[], ix.indoption::int2[], ix.indclass::oid[])
            WITH ORDINALITY AS k(attnum, option, opclass, ord)
       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
       LEFT JOIN pg_opclass oc ON oc.oid = k.opclass
      WHERE n.nspname = current_schema() AND NOT ix.indisprimary AND t.relname <> $1 AND k.ord <= ix.indnkeyatts
      ORDER BY i.relname, k.ord`,
    [IGNORED_TABLE],
  );
  for (const row of indexColumns) {
    const index = shape.indexes.get(row.name) ?? {
      table: row.table_name,
      unique: row.unique,
      method: row.method,
      columns: [],
      predicate: row.predicate === null ? null : normalizeSql(row.predicate),
    };
    shape.indexes.set(row.name, index);
    const desc = (row.option & 1) === 1;
    const nullsFirst = (row.option & 2) === 2;
    index.columns.push(
      `${row.column ?? "<expression>"}${desc ? " DESC" : ""}${nullsFirst !== desc ? (nullsFirst ? " NULLS FIRST" : " NULLS LAST") : ""}` +
        (row.default_opclass ? "" : ` ${row.opclass}`),
    );
  }

  const extensions = await sql.query<{ name: string }>(
    `SELECT extname::text AS name FROM pg_extension WHERE extname <> 'plpgsql'`,
  );
  for (const { name } of extensions) shape.extensions.set(name, {});

  // Functions and triggers not created by an extension.
  const handWritten = await sql.query<{ name: string }>(
    `SELECT 'function ' || p.proname AS name
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema()
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
     UNION ALL
     SELECT 'trigger ' || c.relname || '.' || tg.tgname
       FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT tg.tgisinternal`,
  );
  for (const { name } of handWritten) shape.handWritten.set(name, {});

  return shape;
}

/** Every difference between schema.prisma and the database `sql` points at, one line each. */
export async function schemaDrift(sql: SqlClient): Promise<string[]> {
  return diffShapes(expectedShape(SCHEMA_TEXT), await actualShape(sql));
}
