// One serial number as its page shows it: Detalhes, Ativações and Histórico. Found only inside the
// caller's scope; anything else is "not found", so another tenant's serial never shows it exists.
import { getPrisma } from "@/lib/db/connection";
import { parseSerialNumber } from "@/lib/validation/serial-number";
import type { SubscriptionScope } from "./subscription-scope";

const DAY = 24 * 60 * 60 * 1000;

function scopeWhere(scope: SubscriptionScope) {
  return scope.kind === "manufacturer" ? { manufacturerId: scope.accountId } : { customer: { accountId: scope.accountId } };
}

export async function findSubscription(scope: SubscriptionScope, serialNumber: string, now = new Date()) {
  const serial = parseSerialNumber(serialNumber);
  if (!serial) return null;
  const prisma = await getPrisma();
  const subscription = await prisma.subscription.findFirst({
    where: { serialNumber: serial, ...scopeWhere(scope) },
    select: {
      id: true,
      serialNumber: true,
      product: true,
      plan: true,
      status: true,
      billingState: true,
      startedAt: true,
      expiresAt: true,
      suspendedUntil: true,
      blockDescription: true,
      blockedAt: true,
      lastSwapAt: true,
      blockReason: { select: { label: true, labelEn: true, kind: true } },
      manufacturer: { select: { id: true, name: true, graceDays: true, swapLimit: true } },
      customer: { select: { id: true, name: true, document: true, type: true, city: true, state: true, email: true } },
      activations: {
        where: { deactivatedAt: null },
        select: { id: true, machineId: true, machineName: true, os: true, appVersion: true, activatedAt: true, lastSeenAt: true },
      },
    },
  });
  if (!subscription) return null;
  const blockedBy = await blockActor(subscription.id, subscription.status);
  const swaps30d =
    subscription.lastSwapAt && subscription.lastSwapAt.getTime() >= now.getTime() - 30 * DAY
      ? await prisma.activation.count({
          where: {
            subscriptionId: subscription.id,
            deactivationCause: "SWAP",
            deactivatedAt: { gte: new Date(now.getTime() - 30 * DAY) },
          },
        })
      : 0;
  const lastRenewal = await prisma.subscriptionEvent.findFirst({
    where: { subscriptionId: subscription.id, type: "RENEWED" },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    select: { createdAt: true, expiresFrom: true, expiresTo: true },
  });
  const { activations, ...rest } = subscription;
  return { ...rest, activeActivation: activations[0] ?? null, blockedBy, swaps30d, lastRenewal };
}

export type SubscriptionDetail = NonNullable<Awaited<ReturnType<typeof findSubscription>>>;

/** Who suspended or cancelled the serial: the event that put it in its current state. */
async function blockActor(subscriptionId: string, status: string) {
  if (status !== "SUSPENSA" && status !== "CANCELADA") return null;
  const prisma = await getPrisma();
  const event = await prisma.subscriptionEvent.findFirst({
    where: { subscriptionId, toStatus: status },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    select: { actorKind: true, createdAt: true, actorUser: { select: { name: true } } },
  });
  return event ? { actorKind: event.actorKind, name: event.actorUser?.name ?? null, at: event.createdAt } : null;
}

export async function subscriptionActivations(scope: SubscriptionScope, subscriptionId: string) {
  const prisma = await getPrisma();
  return prisma.activation.findMany({
    where: { subscriptionId, subscription: scopeWhere(scope) },
    orderBy: [{ activatedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      machineId: true,
      machineName: true,
      os: true,
      appVersion: true,
      activatedAt: true,
      lastSeenAt: true,
      deactivatedAt: true,
      deactivationCause: true,
      deactivationNote: true,
      deactivatedBy: { select: { name: true } },
    },
  });
}

export async function subscriptionHistory(scope: SubscriptionScope, subscriptionId: string) {
  const prisma = await getPrisma();
  return prisma.subscriptionEvent.findMany({
    where: { subscriptionId, subscription: scopeWhere(scope) },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    select: {
      id: true,
      type: true,
      actorKind: true,
      description: true,
      fromStatus: true,
      toStatus: true,
      expiresFrom: true,
      expiresTo: true,
      actorLabel: true,
      createdAt: true,
      actorUser: { select: { name: true } },
      account: { select: { name: true } },
      reason: { select: { label: true, labelEn: true } },
      activation: { select: { machineName: true } },
    },
  });
}
