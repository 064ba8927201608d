import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { ActingProfileNote } from "@/components/actions/acting-profile-note";
import { ActionsFor } from "@/components/actions/actions-for";
import { DeactivateMachineDialog } from "@/components/activations/deactivate-machine-dialog";
import { SerialPageView } from "@/components/subscriptions/serial-page-view";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { hasPermission } from "@/lib/auth/require-permission";
import { activeReasons } from "@/lib/data/reasons";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import { permittedMenuActions } from "@/lib/domain/serial-menu";
import { safeDecode } from "@/lib/http/safe-decode";

type Props = { params: Promise<{ serial: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: safeDecode((await params).serial).slice(0, 40) };
}

export default async function ManufacturerSerialPage({ params, searchParams }: Props) {
  const context = await getCurrentContext();
  requirePagePermission(context, "subscriptions.view");
  const canAct = permittedMenuActions((action) => hasPermission(context, action)).length > 0;
  const reasons = canAct ? await activeReasons(context.account.id, await getLocale()) : [];
  const now = new Date();
  return (
    <SerialPageView
      scope={scopeForAccount(context.account)}
      serialNumber={(await params).serial}
      searchParams={await searchParams}
      basePath="/fabricante/assinaturas"
      actions={
        canAct
          ? (subscription) => <ActionsFor context={context} subscription={subscription} reasons={reasons} now={now} />
          : () => <ActingProfileNote context={context} />
      }
      activationActions={
        hasPermission(context, "activations.deactivate")
          ? (subscription) =>
              subscription.activeActivation && (
                <DeactivateMachineDialog serialNumber={subscription.serialNumber} activation={subscription.activeActivation} />
              )
          : undefined
      }
    />
  );
}
