import type { Metadata } from "next";
import { safeDecode } from "@/lib/http/safe-decode";
import { SerialPageView } from "@/components/subscriptions/serial-page-view";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { scopeForAccount } from "@/lib/data/subscription-scope";

type Props = { params: Promise<{ serial: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: safeDecode((await params).serial).slice(0, 40) };
}

export default async function OwnSerialPage({ params, searchParams }: Props) {
  const context = await getCurrentContext();
  requirePagePermission(context, "own-subscriptions.view");
  return (
    <SerialPageView
      scope={scopeForAccount(context.account)}
      serialNumber={(await params).serial}
      searchParams={await searchParams}
      basePath="/minhas-assinaturas"
    />
  );
}
