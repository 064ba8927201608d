// One export line (the fields of EXPORT_FIELDS in COPY text) → its CSV row, written by the byte
// writer. Texts of the user's language are encoded once per export; the status of every row is
// deriveDisplayStatus's, the one place the rule lives.
import { copyFieldValue } from "@/lib/csv/copy-text";
import { csvCellBytes, type CsvByteWriter } from "@/lib/csv/csv-byte-writer";
import { enumOf, labelsOf } from "@/lib/csv/copy-enum";
import { formatCsvDate } from "@/lib/csv/format-date";
import { EXPORT_FIELDS, type ExportField, type ExportLineHandler } from "@/lib/data/subscription-export-types";
import { formatDocument } from "@/lib/domain/documents";
import { deriveDisplayStatus, STORED_STATUSES, type StoredStatus } from "@/lib/domain/subscription-status";
import type { SubscriptionCsvLabels } from "./subscription-csv-format";

// COPY's separators as local constants (an imported binding costs a property load per byte here).
const TAB = 0x09;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const FIELD_COUNT = EXPORT_FIELDS.length;
const F = Object.fromEntries(EXPORT_FIELDS.map(([name], index) => [name, index])) as Record<ExportField, number>;
const CNPJ = Buffer.from("##.###.###/####-##");
const CPF = Buffer.from("###.###.###-##");
/** Room for a row beyond twice its line: separators, labels, dates. */
const ROW_MARGIN = 1024;
const BLOCKED: ReadonlySet<StoredStatus> = new Set(["SUSPENSA", "CANCELADA"]);

/**
 * Epoch milliseconds of a float8 field, truncated to a whole millisecond as a Date holds it; null
 * for \N. Plain decimals (every real instant) are read from the bytes; anything else by parseFloat.
 */
function epochMs(src: Buffer, start: number, end: number): number | null {
  if (src[start] === BACKSLASH) return null;
  let value = 0;
  let i = start;
  for (; i < end && i - start < 15; i++) {
    const digit = src[i]! - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  if (i > start && (i === end || src[i] === 0x2e)) {
    let j = i + 1;
    while (j < end && src[j]! >= 0x30 && src[j]! <= 0x39) j++;
    if (i === end || j === end) return value;
  }
  return Math.trunc(parseFloat(src.toString("latin1", start, end)));
}

/** A non-negative int4 field from its digits (anything else through Number). */
function integer(src: Buffer, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = src[i]! - 0x30;
    if (digit < 0 || digit > 9 || end - start > 9) return Number(src.toString("latin1", start, end));
    value = value * 10 + digit;
  }
  return value;
}

/** The writer of one export line into `writer`, for an export taken at `now`. */
export function subscriptionCsvRowWriter(labels: SubscriptionCsvLabels, now: Date, writer: CsvByteWriter): ExportLineHandler {
  const cell = (text: string) => csvCellBytes(text, writer.delimiter);
  const status = enumOf(STORED_STATUSES.map((value) => [value, value] as const));
  const customerType = labelsOf(labels.customerType, writer);
  const plan = labelsOf(labels.plan, writer);
  const billing = labelsOf(labels.billing, writer);
  const badges = Object.fromEntries(Object.entries(labels.badge).map(([key, text]) => [key, cell(text)]));
  const situations = Object.fromEntries(Object.entries(labels.situation).map(([key, text]) => [key, cell(text)]));
  const tolerance = new Map<number, Buffer>();
  const toleranceCell = (days: number) => tolerance.get(days) ?? tolerance.set(days, cell(labels.tolerance(days))).get(days)!;
  const expiresAt = new Date(0);
  const subscription = { status: "ATIVA" as StoredStatus, expiresAt };

  // The current line, and where its fields start: field i is bytes [starts[i], starts[i + 1] - 1).
  let src: Buffer = Buffer.alloc(0);
  const starts = new Int32Array(FIELD_COUNT + 1);
  const from = (index: number) => starts[index]!;
  const to = (index: number) => starts[index + 1]! - 1;
  const field = (index: number) => writer.field(src, from(index), to(index));
  const instant = (index: number) => epochMs(src, from(index), to(index));
  const date = (ms: number | null) => {
    if (ms !== null) writer.ascii(formatCsvDate(ms));
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
        // COPY escapes a tab inside a value: one more means a line of another shape.
        if (count === FIELD_COUNT) throw new Error(`an export line has more than ${FIELD_COUNT} fields`);
        starts[count++] = i + 1;
      }
    }
    if (count !== FIELD_COUNT) throw new Error(`an export line has ${count} fields, not ${FIELD_COUNT}`);
    starts[FIELD_COUNT] = last + 1;

    subscription.status = status(line, from(F.status), to(F.status));
    expiresAt.setTime(instant(F.expires_at) ?? Number.NaN);
    const display = deriveDisplayStatus(subscription, integer(line, from(F.grace_days), to(F.grace_days)), now);
    const blocked = BLOCKED.has(subscription.status);

    writer.reserve(2 * (last - start) + ROW_MARGIN);
    field(F.customer_name);
    writer.separator();
    document();
    writer.separator();
    writer.cell(customerType(line, from(F.customer_type), to(F.customer_type)));
    writer.separator();
    field(F.customer_city);
    writer.separator();
    field(F.customer_state);
    writer.separator();
    field(F.serial_number);
    writer.separator();
    field(F.product);
    writer.separator();
    writer.cell(plan(line, from(F.plan), to(F.plan)));
    writer.separator();
    writer.cell(badges[display.badge]!);
    writer.separator();
    writer.cell(
      display.situation === "TOLERANCIA" ? toleranceCell(display.toleranceDaysLeft ?? 1) : situations[display.situation]!,
    );
    writer.separator();
    if (blocked) field(F.reason_label);
    writer.separator();
    if (blocked) field(F.block_description);
    writer.separator();
    field(F.machine_name);
    writer.separator();
    date(instant(F.activated_at));
    writer.separator();
    date(instant(F.last_seen_at));
    writer.separator();
    field(F.swaps_30d);
    writer.separator();
    date(instant(F.started_at));
    writer.separator();
    date(expiresAt.getTime());
    writer.separator();
    date(display.toleranceEndsAt.getTime());
    writer.separator();
    writer.cell(billing(line, from(F.billing_state), to(F.billing_state)));
    writer.endRow();
  };
}
