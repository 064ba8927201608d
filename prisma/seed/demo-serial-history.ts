// Builds one demo serial with a history that could really have happened: renewals while it was
// paid for, a first activation, machine swaps, deactivations, suspensions and releases, each with
// its row in activations and its event, in time order and consistent with the stored status.
import type { ActivationRow, EventRow, SerialHistory, SubscriptionRow } from "./demo-rows";
import type { Random } from "./random";
import {
  FIRST_NAMES,
  MACHINE_STEMS,
  OPERATING_SYSTEMS,
  APP_VERSIONS,
  DEACTIVATION_NOTES,
  PRODUCTS,
  type ReasonSeed,
} from "./vocabulary";

export type Situation = "ATIVA" | "TOLERANCIA" | "EXPIRADA" | "PENDENTE" | "SUSPENSA" | "CANCELADA";

/** What the seed wants a serial to show today; the builder fills in a plausible past. */
export type SerialSpec = {
  situation: Situation;
  /** TOLERANCIA: how many days ago it expired (must be below the manufacturer's graceDays). */
  toleranceDaysAgo?: number;
  /** SUSPENSA/CANCELADA: the status it was blocked from. */
  origin?: "ATIVA" | "PENDENTE" | "SUSPENSA";
  reason?: string;
  suspendedUntil?: boolean;
  activation?: boolean;
  /** Swaps inside the last 30 days. */
  recentSwaps?: number;
  /** Swaps older than 30 days. */
  oldSwaps?: number;
  deactivation?: "DESKTOP" | "FABRICANTE";
  /** After a deactivation, activated again on another computer. */
  reactivate?: boolean;
  /** Suspended and released earlier (by a user, or by the sweep when suspended_until passed). */
  released?: "USER" | "SYSTEM";
  plan?: "MENSAL" | "ANUAL";
};

export type ReasonRef = ReasonSeed & { id: string };

export type ManufacturerContext = {
  accountId: string;
  graceDays: number;
  /** The user with the FABRICANTE profile who suspends, cancels and deactivates. */
  actorUserId: string;
  suspensionReasons: ReasonRef[];
  cancellationReasons: ReasonRef[];
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

function machineName(random: Random, taken: Set<string>): string {
  for (;;) {
    const style = random.next();
    const name =
      style < 0.3
        ? `DESKTOP-${random.hex(7).toUpperCase()}`
        : style < 0.55
          ? `NOTE-${random
              .pick(FIRST_NAMES)
              .normalize("NFD")
              .replace(/[\u0300-\u036f]/g, "")
              .toUpperCase()}`
          : `${random.pick(MACHINE_STEMS)}-${String(random.int(1, 12)).padStart(random.chance(0.5) ? 2 : 1, "0")}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function chooseReason(random: Random, reasons: ReasonRef[], label?: string) {
  const reason = label
    ? reasons.find((candidate) => candidate.label === label)
    : random.weighted(reasons.map((candidate) => [candidate, candidate.weight] as const));
  if (!reason) throw new Error(`Motivo desconhecido na semente: ${label}`);
  const text = random.pick(reason.descriptions.filter((d) => d || !reason.requiresDescription));
  return { reason, description: text || null };
}

/** Sorted random instants strictly inside (from, to), or none when the window is too short. */
function instants(random: Random, count: number, from: number, to: number): number[] {
  if (count <= 0 || to - from < count * 2 * HOUR) return [];
  return Array.from({ length: count }, () => random.between(from + HOUR, to - HOUR)).sort((a, b) => a - b);
}

export function buildSerialHistory(input: {
  manufacturer: ManufacturerContext;
  customerId: string;
  spec: SerialSpec;
  serialNumber: string;
  random: Random;
  now: Date;
}): SerialHistory {
  const { manufacturer: m, spec, random } = input;
  const t = input.now.getTime();
  const id = random.uuid();
  const plan = spec.plan ?? (random.chance(0.7) ? "MENSAL" : "ANUAL");
  const months = plan === "MENSAL" ? 1 : 12;
  const maxAhead = (months === 1 ? 27 : 330) * DAY;
  const grace = m.graceDays * DAY;
  const { situation } = spec;
  const origin = spec.origin ?? (situation === "PENDENTE" ? "PENDENTE" : "ATIVA");
  const events: (Omit<EventRow, "id" | "subscription_id" | "account_id" | "created_at"> & { at: number })[] = [];
  const system = { actor_kind: "SYSTEM" as const, actor_user_id: null };
  const desktop = { actor_kind: "DESKTOP" as const, actor_user_id: null };
  const user = { actor_kind: "USER" as const, actor_user_id: m.actorUserId };
  const none = { reason_id: null, description: null, from_status: null, to_status: null, activation_id: null };

  // When it left ATIVA/PENDENTE: nothing renews, runs or swaps after that.
  let blockedAt: number | null = null;
  let suspendedAt: number | null = null;
  if (situation === "SUSPENSA") suspendedAt = blockedAt = t - random.between(1 * DAY, 60 * DAY);
  if (situation === "CANCELADA") {
    blockedAt = t - random.between(1 * DAY, 200 * DAY);
    if (origin === "SUSPENSA") suspendedAt = blockedAt - random.between(3 * DAY, 40 * DAY);
  }
  const stoppedAt = suspendedAt ?? blockedAt ?? t;

  let startedAt: number;
  let expiresAt: number;
  const renewals: number[] = [];
  if (origin === "PENDENTE") {
    // Never paid: paid-until equals the start.
    startedAt = situation === "PENDENTE" ? t - random.between(2 * HOUR, 12 * DAY) : stoppedAt - random.between(1 * DAY, 15 * DAY);
    expiresAt = startedAt;
  } else {
    if (situation === "ATIVA") expiresAt = t + random.between(1 * DAY, maxAhead);
    else if (situation === "TOLERANCIA")
      expiresAt = t - (spec.toleranceDaysAgo ?? random.int(1, m.graceDays - 1)) * DAY - random.between(1 * HOUR, 6 * HOUR);
    else if (situation === "EXPIRADA") expiresAt = t - grace - random.between(1 * DAY, 150 * DAY);
    else expiresAt = stoppedAt + random.between(-20 * DAY, maxAhead);
    const needsHistory = spec.oldSwaps || spec.released;
    let periods = 1 + (months === 1 ? random.int(0, 14) : random.int(0, 2));
    while (needsHistory && addMonths(expiresAt, -periods * months) > t - 75 * DAY) periods++;
    startedAt = addMonths(expiresAt, -periods * months);
    const lead = random.int(1, 5) * DAY;
    for (let k = 1; k < periods; k++) renewals.push(addMonths(startedAt, k * months) - lead);
  }
  events.push({ at: startedAt, type: "CREATED", ...system, ...none, to_status: origin === "PENDENTE" ? "PENDENTE" : "ATIVA" });
  for (const at of renewals) events.push({ at, type: "RENEWED", ...system, ...none });

  // Computers: a first activation, then swaps, then maybe a deactivation and a new activation.
  const activations: ActivationRow[] = [];
  let lastSwapAt: number | null = null;
  const usableUntil = Math.min(stoppedAt, expiresAt + grace, t);
  const wantsActivation =
    spec.activation ??
    (spec.recentSwaps || spec.oldSwaps || spec.deactivation || spec.released
      ? true
      : situation === "ATIVA" || situation === "TOLERANCIA"
        ? random.chance(0.9)
        : random.chance(0.6));
  if (origin !== "PENDENTE" && wantsActivation && usableUntil - startedAt > 3 * HOUR) {
    const machines = new Set<string>();
    const activate = (at: number, type: "ACTIVATED" | "SWAPPED") => {
      const row: ActivationRow = {
        id: random.uuid(),
        subscription_id: id,
        machine_id: random.hex(32),
        machine_name: machineName(random, machines),
        os: random.pick(OPERATING_SYSTEMS),
        app_version: random.pick(APP_VERSIONS),
        activated_at: new Date(at),
        last_seen_at: new Date(at),
        deactivated_at: null,
        deactivation_cause: null,
        deactivation_note: null,
        deactivated_by_id: null,
      };
      activations.push(row);
      events.push({ at, type, ...desktop, ...none, activation_id: row.id });
    };
    const current = () => activations[activations.length - 1]!;
    const close = (at: number, cause: "SWAP" | "DESKTOP" | "FABRICANTE", note: string | null = null) => {
      Object.assign(current(), {
        deactivated_at: new Date(at),
        last_seen_at: new Date(at),
        deactivation_cause: cause,
        deactivation_note: note,
        deactivated_by_id: cause === "FABRICANTE" ? m.actorUserId : null,
      });
    };
    activate(startedAt + random.between(10 * MINUTE, Math.min(2 * DAY, (usableUntil - startedAt) / 3)), "ACTIVATED");

    let releaseWindow: [number, number] | null = null;
    if (spec.released) {
      // Inside a paid month and away from renewals: billing was paused while it was suspended.
      const marks = [current().activated_at.getTime(), ...renewals, usableUntil].sort((a, b) => a - b);
      const gaps = marks
        .slice(1)
        .map((end, i) => [marks[i]!, end] as const)
        .filter(([a, b]) => b - a > 10 * DAY);
      const gap = gaps.length ? random.pick(gaps) : null;
      if (gap) {
        const from = gap[0] + random.between(1 * DAY, 2 * DAY);
        releaseWindow = [from, from + random.between(2 * DAY, Math.min(10 * DAY, gap[1] - from - DAY))];
      }
    }
    const swaps = [
      ...instants(random, spec.oldSwaps ?? 0, current().activated_at.getTime(), Math.min(usableUntil, t - 31 * DAY)),
      ...instants(random, spec.recentSwaps ?? 0, Math.max(current().activated_at.getTime(), t - 29 * DAY), usableUntil),
    ];
    for (const at of swaps) {
      close(at, "SWAP");
      activate(at, "SWAPPED");
      lastSwapAt = at;
    }
    if (spec.deactivation) {
      const from = current().activated_at.getTime();
      // A cancelled serial's computer is freed by the manufacturer right after the cancellation.
      const afterCancel = situation === "CANCELADA" && blockedAt !== null;
      const at = afterCancel
        ? blockedAt! + random.between(2 * MINUTE, 2 * HOUR)
        : random.between(from + HOUR, usableUntil - HOUR);
      if (at > from && at < (afterCancel ? t : usableUntil)) {
        const byUser = spec.deactivation === "FABRICANTE";
        const note = !byUser ? null : afterCancel ? "Serial cancelado; computador liberado." : random.pick(DEACTIVATION_NOTES);
        const closedId = current().id;
        close(at, spec.deactivation, note);
        events.push({
          at,
          type: "DEACTIVATED",
          ...(byUser ? user : desktop),
          ...none,
          description: note,
          activation_id: closedId,
        });
        const again = at + random.between(1 * HOUR, 3 * DAY);
        if (spec.reactivate && again < usableUntil) activate(again, "ACTIVATED");
      }
    }
    const live = current();
    if (!live.deactivated_at) {
      live.last_seen_at = new Date(Math.max(live.activated_at.getTime(), usableUntil - random.between(0, 36 * HOUR)));
    }
    if (releaseWindow) {
      const [from, to] = releaseWindow;
      const { reason, description } = chooseReason(random, m.suspensionReasons);
      events.push({
        at: from,
        type: "SUSPENDED",
        ...user,
        ...none,
        reason_id: reason.id,
        description,
        from_status: "ATIVA",
        to_status: "SUSPENSA",
      });
      events.push({
        at: to,
        type: "RELEASED",
        ...(spec.released === "SYSTEM" ? system : user),
        ...none,
        from_status: "SUSPENSA",
        to_status: "ATIVA",
      });
    }
  }

  // The block that is in force today.
  let block: { reason: ReasonRef; description: string | null } | null = null;
  if (suspendedAt !== null) {
    const suspension = chooseReason(random, m.suspensionReasons, situation === "SUSPENSA" ? spec.reason : undefined);
    const from = origin === "PENDENTE" ? "PENDENTE" : "ATIVA";
    events.push({
      at: suspendedAt,
      type: "SUSPENDED",
      ...user,
      ...none,
      reason_id: suspension.reason.id,
      description: suspension.description,
      from_status: from,
      to_status: "SUSPENSA",
    });
    if (situation === "SUSPENSA") block = suspension;
  }
  if (situation === "CANCELADA" && blockedAt !== null) {
    block = chooseReason(random, m.cancellationReasons, spec.reason);
    events.push({
      at: blockedAt,
      type: "CANCELLED",
      ...user,
      ...none,
      reason_id: block.reason.id,
      description: block.description,
      from_status: origin,
      to_status: "CANCELADA",
    });
  }

  events.sort((a, b) => a.at - b.at);
  const status = situation === "TOLERANCIA" || situation === "EXPIRADA" ? "ATIVA" : situation;
  const subscription: SubscriptionRow = {
    id,
    serial_number: input.serialNumber,
    manufacturer_id: m.accountId,
    customer_id: input.customerId,
    product: random.weighted(PRODUCTS),
    plan,
    started_at: new Date(startedAt),
    expires_at: new Date(expiresAt),
    status,
    billing_state: status === "SUSPENSA" ? "PAUSADA" : status === "CANCELADA" ? "ENCERRADA" : "ATIVA",
    suspended_until: situation === "SUSPENSA" && spec.suspendedUntil ? new Date(t + random.between(3 * DAY, 45 * DAY)) : null,
    block_reason_id: block?.reason.id ?? null,
    block_description: block?.description ?? null,
    blocked_at: block ? new Date(blockedAt!) : null,
    blocked_by_user_id: block ? m.actorUserId : null,
    last_swap_at: lastSwapAt === null ? null : new Date(lastSwapAt),
    created_at: new Date(startedAt),
    updated_at: new Date(events[events.length - 1]!.at),
  };
  return {
    subscription,
    activations,
    events: events.map(({ at, ...event }) => ({
      ...event,
      id: random.uuid(),
      subscription_id: id,
      account_id: m.accountId,
      created_at: new Date(at),
    })),
  };
}
