// The manufacturer's side of activations: freeing a serial's computer from the Ativações tab.
// History is kept — the activation is closed, never deleted — and the event is written in the same
// transaction, under the serial's lock so a concurrent activation from the desktop can't interleave.
import { getSql } from "@/lib/db/connection";
import { AppError } from "@/lib/errors";

export type ManufacturerDeactivation = {
  manufacturerId: string;
  userId: string;
  serialNumber: string;
  activationId: string;
  note: string;
  now?: Date;
};

/**
 * Closes the serial's active activation with cause FABRICANTE. NOT_FOUND for a serial or activation
 * outside this manufacturer (never revealing that it exists); CONFLICT when that computer is no
 * longer active (already freed, or the desktop moved to another one).
 */
export async function deactivateMachineByManufacturer(input: ManufacturerDeactivation): Promise<{ machineName: string }> {
  const sql = await getSql();
  const now = input.now ?? new Date();
  return sql.transaction(async (tx) => {
    const [serial] = await tx.query<{ id: string }>(
      `SELECT id FROM subscriptions WHERE serial_number = $1 AND manufacturer_id = $2 FOR UPDATE`,
      [input.serialNumber, input.manufacturerId],
    );
    if (!serial) throw new AppError("NOT_FOUND");
    const [closed] = await tx.query<{ id: string; machine_name: string }>(
      `UPDATE activations
          SET deactivated_at = $3, deactivation_cause = 'FABRICANTE', deactivation_note = $4, deactivated_by_id = $5
        WHERE id = $1 AND subscription_id = $2 AND deactivated_at IS NULL
        RETURNING id, machine_name`,
      [input.activationId, serial.id, now, input.note, input.userId],
    );
    if (!closed) {
      const [known] = await tx.query(`SELECT 1 FROM activations WHERE id = $1 AND subscription_id = $2`, [
        input.activationId,
        serial.id,
      ]);
      throw new AppError(known ? "CONFLICT" : "NOT_FOUND");
    }
    await tx.query(
      `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, actor_user_id, type, description, activation_id, created_at)
       VALUES ($1, $2, 'USER', $3, 'DEACTIVATED', $4, $5, $6)`,
      [serial.id, input.manufacturerId, input.userId, input.note, closed.id, now],
    );
    return { machineName: closed.machine_name };
  });
}
