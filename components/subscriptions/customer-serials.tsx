import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionsFor } from "@/components/actions/actions-for";
import { NewSubscriptionDialog } from "@/components/sales/new-subscription-dialog";
import { hasPermission, type AuthorizedContext } from "@/lib/auth/require-permission";
import { customerSerials } from "@/lib/data/customer-serials";
import { activeReasons } from "@/lib/data/reasons";
import { productsInScope } from "@/lib/data/subscription-products";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import { formatDocument } from "@/lib/domain/documents";
import { ACTION_PERMISSION } from "@/lib/domain/permissions";
import { permittedMenuActions } from "@/lib/domain/serial-menu";
import { SUBSCRIPTION_ACTIONS } from "@/lib/domain/subscription-transitions";
import { filtersToQuery, type SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { SerialTable } from "./serial-table";

/** Where each kind of account sees its list. */
export function listPathFor(context: AuthorizedContext): string {
  return context.account.kind === "FABRICANTE" ? "/fabricante/assinaturas" : "/minhas-assinaturas";
}

/**
 * The inside of a customer's "aba": its serials matching the list's filters, each with its Ações
 * menu and bulk checkbox when the user's profile may act. Rendered when the row is opened.
 */
export async function CustomerSerials({
  context,
  filters,
  customer,
}: {
  context: AuthorizedContext;
  filters: SubscriptionFilters;
  customer: { id: string; name: string; document: string; serialCount: number };
}) {
  const t = await getTranslations("subscriptions");
  const now = new Date();
  const locale = await getLocale();
  const scope = scopeForAccount(context.account);
  const basePath = listPathFor(context);
  const allowed = SUBSCRIPTION_ACTIONS.filter((action) => hasPermission(context, ACTION_PERMISSION[action]));
  const menu = permittedMenuActions((action) => hasPermission(context, action));
  const canSell = hasPermission(context, "subscriptions.create");
  const [serials, reasons, products] = await Promise.all([
    customerSerials(scope, filters, [customer.id], now, locale).then((byCustomer) => byCustomer.get(customer.id) ?? []),
    menu.length ? activeReasons(context.account.id, locale) : Promise.resolve([]),
    canSell ? productsInScope(scope) : Promise.resolve([]),
  ]);
  const listQuery = filtersToQuery(filters);
  const serialHref = (serialNumber: string) =>
    `${basePath}/${encodeURIComponent(serialNumber)}${listQuery ? `?de=${encodeURIComponent(listQuery)}` : ""}`;
  return (
    <>
      <SerialTable
        serials={serials}
        serialHref={serialHref}
        now={now}
        // A lojista's list is grouped by manufacturer already.
        showManufacturer={false}
        caption={customer.name}
        selectable={allowed.length > 0}
        rowActions={
          menu.length
            ? (serial) => <ActionsFor context={context} subscription={serial} reasons={reasons} now={now} compact />
            : undefined
        }
      />
      {serials.length < customer.serialCount && (
        <p className="px-4 py-2 text-sm text-slate-700">
          {t("list.truncated", { shown: serials.length, total: customer.serialCount })}{" "}
          <Link
            href={`${basePath}${filtersToQuery(filters, { cliente: formatDocument(customer.document), pagina: 1 })}`}
            className="font-medium text-brand-700 underline"
          >
            {t("list.showAll")}
          </Link>
        </p>
      )}
      {/* After the rows: from the customer's row, Tab reaches its serials first. */}
      {canSell && (
        <div className="flex justify-end px-4 py-2">
          <NewSubscriptionDialog customer={customer} products={products} />
        </div>
      )}
    </>
  );
}
