// Which column of an imported CSV holds which field. The export's own headers (pt-BR and en) are
// accepted, so an exported file can be edited and imported back; case, accents and punctuation
// don't matter. Columns the import doesn't use (Status, Situação, Nome da Máquina…) are ignored.
import enExport from "@/messages/en/export.json";
import ptExport from "@/messages/pt-BR/export.json";

export const IMPORT_FIELDS = [
  "name",
  "document",
  "type",
  "city",
  "state",
  "email",
  "serialNumber",
  "product",
  "plan",
  "startedAt",
  "expiresAt",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The export's column for each field (where the export has one). */
const EXPORT_COLUMN: Record<ImportField, keyof typeof ptExport.columns | null> = {
  name: "customer",
  document: "document",
  type: "customerType",
  city: "city",
  state: "state",
  email: null,
  serialNumber: "serialNumber",
  product: "product",
  plan: "plan",
  startedAt: "startedAt",
  expiresAt: "expiresAt",
};

/** Other names people give these columns. */
const EXTRA_NAMES: Record<ImportField, string[]> = {
  name: ["nome", "razao social", "name", "cliente"],
  document: ["cnpj", "cpf", "documento", "document"],
  type: ["tipo de cliente"],
  city: ["municipio"],
  state: ["estado", "uf"],
  email: ["e-mail", "email", "e-mail do cliente"],
  serialNumber: ["numero de serie", "serial", "serie", "serial number"],
  product: ["produto"],
  plan: ["plano"],
  startedAt: ["inicio", "data de inicio", "started at"],
  expiresAt: ["expira em", "validade", "vencimento", "expires at"],
};

export function headerKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

const FIELD_BY_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  const column = EXPORT_COLUMN[field];
  const names = [...EXTRA_NAMES[field], field, ...(column ? [ptExport.columns[column], enExport.columns[column]] : [])];
  for (const name of names) FIELD_BY_HEADER.set(headerKey(name), field);
}

export type ColumnMap = {
  /** Field → index of its column in each row. */
  index: Partial<Record<ImportField, number>>;
  /** The header text of each field's column, as the file spells it (for the error report). */
  header: Partial<Record<ImportField, string>>;
  /** Headers the import doesn't use. */
  ignored: string[];
  /** A field named by two columns. */
  duplicated: string[];
};

export function mapColumns(headers: string[]): ColumnMap {
  const map: ColumnMap = { index: {}, header: {}, ignored: [], duplicated: [] };
  headers.forEach((text, index) => {
    const field = FIELD_BY_HEADER.get(headerKey(text));
    if (!field) {
      if (text.trim()) map.ignored.push(text.trim());
      return;
    }
    if (map.index[field] !== undefined) {
      map.duplicated.push(text.trim());
      return;
    }
    map.index[field] = index;
    map.header[field] = text.trim();
  });
  return map;
}
