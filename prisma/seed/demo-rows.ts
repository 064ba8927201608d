// Rows of the demo seed, named and typed as the database columns (insert-rows.ts sends them as JSON).

type Stamp = Date | null;

export type SubscriptionRow = {
  id: string;
  serial_number: string;
  manufacturer_id: string;
  customer_id: string;
  product: string;
  plan: "MENSAL" | "ANUAL";
  started_at: Date;
  expires_at: Date;
  status: "PENDENTE" | "ATIVA" | "SUSPENSA" | "CANCELADA";
  billing_state: "ATIVA" | "PAUSADA" | "ENCERRADA";
  suspended_until: Stamp;
  block_reason_id: string | null;
  block_description: string | null;
  blocked_at: Stamp;
  blocked_by_user_id: string | null;
  last_swap_at: Stamp;
  created_at: Date;
  updated_at: Date;
};
export type ActivationRow = {
  id: string;
  subscription_id: string;
  machine_id: string;
  machine_name: string;
  os: string;
  app_version: string;
  activated_at: Date;
  last_seen_at: Date;
  deactivated_at: Stamp;
  deactivation_cause: "SWAP" | "DESKTOP" | "FABRICANTE" | null;
  deactivation_note: string | null;
  deactivated_by_id: string | null;
};
export type EventRow = {
  id: string;
  subscription_id: string;
  account_id: string;
  actor_kind: "USER" | "SYSTEM" | "DESKTOP";
  actor_user_id: string | null;
  type: string;
  reason_id: string | null;
  description: string | null;
  from_status: string | null;
  to_status: string | null;
  activation_id: string | null;
  created_at: Date;
};
export type SerialHistory = { subscription: SubscriptionRow; activations: ActivationRow[]; events: EventRow[] };
