// Test data factories: each returns a real row created through Prisma, with sensible defaults
// and unique values, so a test states only what it cares about.
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}${randomBytes(2).toString("hex")}`;
const digits = (length: number) => Array.from({ length }, () => Math.floor(Math.random() * 10)).join("");

/** A bcrypt hash of "senha-de-teste", precomputed so factories stay fast. */
export const TEST_PASSWORD = "senha-de-teste";
const TEST_PASSWORD_HASH = "$2b$10$jDBSzTZrQbtS7pMIctOS.eZn6J1BKBwtkNBeVRU.vrbQxHrQORV.y";

export function serial(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const chars = Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

export async function createAccount(db: Database, data: Partial<Prisma.AccountUncheckedCreateInput> = {}) {
  return db.prisma.account.create({
    data: { kind: "FABRICANTE", name: `Fabricante ${next()}`, document: digits(14), ...data },
  });
}

export async function createUser(
  db: Database,
  data: Partial<Prisma.UserUncheckedCreateInput> & {
    memberships?: { accountId: string; profiles: Prisma.MembershipCreateprofilesInput["set"] }[];
  } = {},
) {
  const { memberships = [], ...rest } = data;
  const user = await db.prisma.user.create({
    data: {
      email: `user-${next()}@test.local`,
      name: `Usuário ${next()}`,
      passwordHash: TEST_PASSWORD_HASH,
      defaultAccountId: memberships[0]?.accountId,
      ...rest,
    },
  });
  for (const membership of memberships) {
    await db.prisma.membership.create({
      data: { userId: user.id, accountId: membership.accountId, profiles: membership.profiles },
    });
  }
  return user;
}

export async function createCustomer(
  db: Database,
  manufacturerId: string,
  data: Partial<Prisma.CustomerUncheckedCreateInput> = {},
) {
  return db.prisma.customer.create({
    data: {
      manufacturerId,
      type: "LOJISTA",
      name: `Cliente ${next()}`,
      document: digits(14),
      city: "São Paulo",
      state: "SP",
      email: `cliente-${next()}@test.local`,
      ...data,
    },
  });
}

const DAY = 24 * 60 * 60 * 1000;

export async function createSubscription(
  db: Database,
  customer: { id: string; manufacturerId: string },
  data: Partial<Prisma.SubscriptionUncheckedCreateInput> = {},
) {
  const now = Date.now();
  return db.prisma.subscription.create({
    data: {
      serialNumber: serial(),
      manufacturerId: customer.manufacturerId,
      customerId: customer.id,
      product: "Projetista 3D Pro",
      plan: "ANUAL",
      startedAt: new Date(now - 200 * DAY),
      expiresAt: new Date(now + 165 * DAY),
      status: "ATIVA",
      ...data,
    },
  });
}

export async function createReason(db: Database, manufacturerId: string, data: Partial<Prisma.ReasonUncheckedCreateInput> = {}) {
  return db.prisma.reason.create({
    data: { manufacturerId, kind: "SUSPENSAO", label: `Motivo ${next()}`, requiresDescription: false, ...data },
  });
}

/** A manufacturer with one user per profile, ready for permission tests. */
export async function createManufacturerWithStaff(db: Database) {
  const account = await createAccount(db);
  const user = (profiles: Prisma.MembershipCreateprofilesInput["set"]) =>
    createUser(db, { memberships: [{ accountId: account.id, profiles }] });
  return {
    account,
    fabricante: await user(["FABRICANTE"]),
    responsavel: await user(["RESPONSAVEL"]),
    administrador: await user(["ADMINISTRADOR"]),
    convidado: await user(["CONVIDADO"]),
  };
}
