// The portal's table: a real <table> from 1024 px up; below that each row becomes a stacked card,
// so nothing scrolls sideways on a phone and a row's identity stays beside its actions.
// Usage (server or client component):
//   <DataTable caption="…" rows={rows} rowKey={(r) => r.id} columns={[
//     { key: "serial", header: "Série", card: "title", cell: (r) => <Link …>{r.serial}</Link> },
//     { key: "status", header: "Status", cell: (r) => <Badge … /> },
//     { key: "actions", header: "Ações", card: "actions", align: "right", cell: (r) => <Menu … /> },
//   ]} />
// On a card the "title" cell opens the first line (with a "select" cell — a checkbox — before it
// and the "actions" cell after it); every other cell follows on its own line, prefixed by its
// header (`cardLabel` when the header is not plain text). One DOM for both layouts: a form field
// in a row is never duplicated. Roles are explicit so the table stays a table for screen readers
// when its rows are displayed as cards.
import type { ReactNode } from "react";

export type DataTableColumn<Row> = {
  key: string;
  header: ReactNode;
  /** The header as the card shows it before the value; defaults to `header` when that is a string. */
  cardLabel?: string;
  cell: (row: Row) => ReactNode;
  card?: "title" | "actions" | "select";
  align?: "right";
  /** Hide the header visually (it stays for screen readers), e.g. over a column of checkboxes. */
  srOnlyHeader?: boolean;
  className?: string;
};

const CELL = "align-top text-sm lg:table-cell lg:px-3 lg:py-2";

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  captionVisible = false,
}: {
  caption: string;
  columns: DataTableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string;
  captionVisible?: boolean;
}) {
  const hasSelect = columns.some((column) => column.card === "select");
  const cellClass = (column: DataTableColumn<Row>) => {
    const place =
      column.card === "select"
        ? "col-start-1 row-start-1 self-center"
        : column.card === "title"
          ? `${hasSelect ? "col-start-2" : "col-start-1 col-span-2"} row-start-1 self-center`
          : column.card === "actions"
            ? "col-start-3 row-start-1 justify-self-end"
            : "col-span-3 before:mr-1 before:font-medium before:text-slate-600 before:content-[attr(data-label)] lg:before:content-none";
    return `${CELL} ${place} ${column.align === "right" ? "lg:text-right" : ""} ${column.className ?? ""}`;
  };
  const label = (column: DataTableColumn<Row>) =>
    column.card ? undefined : `${column.cardLabel ?? (typeof column.header === "string" ? column.header : "")}:`;

  return (
    <table role="table" className="block w-full lg:table lg:min-w-full lg:divide-y lg:divide-slate-200">
      <caption className={captionVisible ? "px-3 py-2 text-left text-sm font-semibold" : "sr-only"}>{caption}</caption>
      <thead role="rowgroup" className="hidden bg-slate-50 lg:table-header-group">
        <tr role="row">
          {columns.map((column) => (
            <th
              key={column.key}
              role="columnheader"
              scope="col"
              className={`px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 ${column.align === "right" ? "text-right" : ""}`}
            >
              {column.srOnlyHeader ? <span className="sr-only">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className="flex flex-col gap-2 p-2 lg:table-row-group lg:divide-y lg:divide-slate-100 lg:p-0">
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            role="row"
            className={`grid grid-cols-[auto_minmax(0,1fr)_auto] items-start gap-x-3 gap-y-1 rounded-lg border border-slate-200 p-3 lg:table-row lg:rounded-none lg:border-0 lg:p-0 ${rowClassName?.(row) ?? "bg-white"}`}
          >
            {columns.map((column) => (
              <td key={column.key} role="cell" data-label={label(column)} className={cellClass(column)}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
