// Histórico da conta's CSV: the columns, their texts in the user's language, and the writer of
// one export line (HISTORY_EXPORT_FIELDS in COPY text) into the byte writer. The date comes
// formatted by the database; enums become labels; every text cell is neutralized and quoted by the
// byte writer as in the subscription export.
import { getTranslations } from "next-intl/server";
import { copyFieldValue } from "@/lib/csv/copy-text";
import { labelsOf } from "@/lib/csv/copy-enum";
import type { CsvByteWriter } from "@/lib/csv/csv-byte-writer";
import { HISTORY_EXPORT_FIELDS } from "@/lib/data/account-history-export";
import type { ExportLineHandler } from "@/lib/data/subscription-export-types";
import { formatDocument } from "@/lib/domain/documents";
import { HISTORY_EVENT_TYPES, ACTOR_KINDS } from "@/lib/validation/history-filters";

export const HISTORY_CSV_COLUMNS = [
  "when",
  "action",
  "actorKind",
  "actor",
  "serialNumber",
  "customer",
  "document",
  "product",
  "from",
  "to",
  "reason",
  "description",
  "machineName",
] as const;

const STORED_STATUSES = ["PENDENTE", "ATIVA", "SUSPENSA", "CANCELADA"] as const;

export type HistoryCsvLabels = {
  header: string[];
  type: Record<string, string>;
  actorKind: Record<string, string>;
  status: Record<string, string>;
};

export async function historyCsvLabels(): Promise<HistoryCsvLabels> {
  const t = await getTranslations("history");
  const ts = await getTranslations("subscriptions.history.type");
  const tc = await getTranslations("common.situation");
  return {
    header: HISTORY_CSV_COLUMNS.map((column) => t(`export.columns.${column}`)),
    type: Object.fromEntries(HISTORY_EVENT_TYPES.map((type) => [type, ts(type)])),
    actorKind: Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, t(`actorKind.${kind}`)])),
    status: Object.fromEntries(STORED_STATUSES.map((status) => [status, tc(status)])),
  };
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const FIELD_COUNT = HISTORY_EXPORT_FIELDS.length;
const F = Object.fromEntries(HISTORY_EXPORT_FIELDS.map((name, index) => [name, index])) as Record<
  (typeof HISTORY_EXPORT_FIELDS)[number],
  number
>;
const CNPJ = Buffer.from("##.###.###/####-##");
const CPF = Buffer.from("###.###.###-##");
const ROW_MARGIN = 1024;

export function historyCsvRowWriter(labels: HistoryCsvLabels, writer: CsvByteWriter): ExportLineHandler {
  const type = labelsOf(labels.type, writer);
  const actorKind = labelsOf(labels.actorKind, writer);
  const status = labelsOf(labels.status, writer);
  let src: Buffer = Buffer.alloc(0);
  const starts = new Int32Array(FIELD_COUNT + 1);
  const from = (index: number) => starts[index]!;
  const to = (index: number) => starts[index + 1]! - 1;
  const isNull = (index: number) => src[from(index)] === BACKSLASH && to(index) - from(index) === 2;
  const field = (index: number) => writer.field(src, from(index), to(index));
  const label = (index: number, of: (src: Buffer, start: number, end: number) => Buffer) => {
    if (!isNull(index)) writer.cell(of(src, from(index), to(index)));
  };
  const document = () => {
    const [start, end] = [from(F.customer_document), to(F.customer_document)];
    if (writer.digits(src, start, end, CNPJ) || writer.digits(src, start, end, CPF)) return;
    writer.text(formatDocument(copyFieldValue(src.toString("utf8", start, end)) ?? ""));
  };

  return (line, start, end) => {
    src = line;
    const last = line[end - 1] === NEWLINE ? end - 1 : end;
    let count = 1;
    starts[0] = start;
    for (let i = start; i < last; i++) {
      if (line[i] === TAB) {
        if (count === FIELD_COUNT) throw new Error(`an events export line has more than ${FIELD_COUNT} fields`);
        starts[count++] = i + 1;
      }
    }
    if (count !== FIELD_COUNT) throw new Error(`an events export line has ${count} fields, not ${FIELD_COUNT}`);
    starts[FIELD_COUNT] = last + 1;

    writer.reserve(2 * (last - start) + ROW_MARGIN);
    field(F.created_at_local);
    writer.separator();
    label(F.type, type);
    writer.separator();
    label(F.actor_kind, actorKind);
    writer.separator();
    if (!isNull(F.actor_name)) field(F.actor_name);
    writer.separator();
    field(F.serial_number);
    writer.separator();
    field(F.customer_name);
    writer.separator();
    document();
    writer.separator();
    field(F.product);
    writer.separator();
    label(F.from_status, status);
    writer.separator();
    label(F.to_status, status);
    writer.separator();
    field(F.reason_label);
    writer.separator();
    field(F.description);
    writer.separator();
    field(F.machine_name);
    writer.endRow();
  };
}
