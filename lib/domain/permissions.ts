// Who may do what: a pure matrix of account kind × profile × action (DESIGN.md §1, "Actions").
// Every page, server action and route handler asks `can` through requirePermission.

export const PROFILES = ["RESPONSAVEL", "ADMINISTRADOR", "FABRICANTE", "CONVIDADO"] as const;
export type Profile = (typeof PROFILES)[number];

export const ACCOUNT_KINDS = ["FABRICANTE", "LOJISTA", "PROFISSIONAL"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACTIONS = [
  /** Home page numbers of the current account. */
  "dashboard.view",
  /** Fabricante → Assinaturas: the manufacturer's list and serial pages. */
  "subscriptions.view",
  "subscriptions.export",
  "subscriptions.suspend",
  "subscriptions.cancel",
  "subscriptions.release",
  /** Novo cliente and editing a customer; Nova assinatura; Registrar renovação; Importar (CSV). */
  "customers.create",
  "subscriptions.create",
  "subscriptions.renew",
  "subscriptions.import",
  "activations.deactivate",
  /** Tolerance days and swap limit of the manufacturer account. */
  "account.settings",
  /** Configurações → Integrações: API keys and webhook endpoints of the manufacturer account. */
  "integrations.manage",
  /** Minhas assinaturas: a lojista's or profissional's own serials, read-only. */
  "own-subscriptions.view",
  "own-subscriptions.export",
  /** Histórico da conta: every event of the account's serials (a lojista's: of its own serials). */
  "history.view",
  "history.export",
  /** Equipe: the account's members and invitations (every account kind). */
  "team.view",
  "team.invite",
  "team.edit-profiles",
  "team.remove",
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERY_PROFILE: readonly Profile[] = PROFILES;
const STAFF: readonly Profile[] = ["RESPONSAVEL", "ADMINISTRADOR", "FABRICANTE"];
const FABRICANTE_ONLY: readonly Profile[] = ["FABRICANTE"];
const ACCOUNT_ADMINS: readonly Profile[] = ["RESPONSAVEL", "ADMINISTRADOR"];
/** Who administers the account's people; granting Responsável is narrower (lib/domain/team-rules.ts). */
const TEAM_ADMINS: readonly Profile[] = ["RESPONSAVEL", "ADMINISTRADOR"];
const TEAM = {
  "team.view": TEAM_ADMINS,
  "team.invite": TEAM_ADMINS,
  "team.edit-profiles": TEAM_ADMINS,
  "team.remove": TEAM_ADMINS,
} as const satisfies Partial<Record<Action, readonly Profile[]>>;

/** For each account kind, the profiles that grant each action; absent means never. */
const MATRIX: Record<AccountKind, Partial<Record<Action, readonly Profile[]>>> = {
  FABRICANTE: {
    "dashboard.view": EVERY_PROFILE,
    "subscriptions.view": EVERY_PROFILE,
    "subscriptions.export": STAFF,
    "subscriptions.suspend": FABRICANTE_ONLY,
    "subscriptions.cancel": FABRICANTE_ONLY,
    "subscriptions.release": FABRICANTE_ONLY,
    "customers.create": FABRICANTE_ONLY,
    "subscriptions.create": FABRICANTE_ONLY,
    "subscriptions.renew": FABRICANTE_ONLY,
    "subscriptions.import": FABRICANTE_ONLY,
    "activations.deactivate": FABRICANTE_ONLY,
    "account.settings": FABRICANTE_ONLY,
    "history.view": EVERY_PROFILE,
    "history.export": STAFF,
    "integrations.manage": ACCOUNT_ADMINS,
    ...TEAM,
  },
  LOJISTA: {
    "dashboard.view": EVERY_PROFILE,
    "own-subscriptions.view": EVERY_PROFILE,
    "own-subscriptions.export": STAFF,
    "history.view": EVERY_PROFILE,
    "history.export": STAFF,
    ...TEAM,
  },
  PROFISSIONAL: {
    "dashboard.view": EVERY_PROFILE,
    "own-subscriptions.view": EVERY_PROFILE,
    "own-subscriptions.export": STAFF,
    "history.view": EVERY_PROFILE,
    "history.export": STAFF,
    ...TEAM,
  },
};

export function can(accountKind: AccountKind, profiles: readonly Profile[], action: Action): boolean {
  const allowed = MATRIX[accountKind][action];
  return allowed !== undefined && profiles.some((profile) => allowed.includes(profile));
}

/** The permission each subscription action needs. */
export const ACTION_PERMISSION = {
  SUSPEND: "subscriptions.suspend",
  CANCEL: "subscriptions.cancel",
  RELEASE: "subscriptions.release",
} as const satisfies Record<"SUSPEND" | "CANCEL" | "RELEASE", Action>;
