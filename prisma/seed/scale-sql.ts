// The SQL of the scale seed. Rows are generated inside PostgreSQL from generate_series and
// deterministic pseudo-random numbers (hashes of the row number and a "salt" per decision), so
// nothing but statements crosses the wire and the same arguments always give the same data.
// pg_temp.scale_plan holds one chunk of serials with every decision taken; the inserts read it.
import { CNPJ_WEIGHTS_1, CNPJ_WEIGHTS_2, CPF_WEIGHTS_1, CPF_WEIGHTS_2, SERIAL_ALPHABET } from "./identifiers";
import {
  APP_VERSIONS,
  CANCELLATION_REASONS,
  CITIES,
  DEACTIVATION_NOTES,
  FIRST_NAMES,
  MACHINE_STEMS,
  OPERATING_SYSTEMS,
  PRODUCTS,
  STORE_PREFIXES,
  STORE_SUFFIXES,
  STORE_WORDS,
  SURNAMES,
  SUSPENSION_REASONS,
  type ReasonSeed,
} from "./vocabulary";

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const textArray = (items: readonly string[]) => `ARRAY[${items.map(literal).join(",")}]::text[]`;
/** u in [0,1) for row `key` and decision `salt`. */
const rnd = (salt: number, key = "n") => `pg_temp.rnd(${key}, ${salt})`;
const pick = (items: readonly string[], u: string) => `pg_temp.pick(${textArray(items)}, ${u})`;

/** CASE returning the 1-based index of the weighted entry that u falls in. */
function weightedIndex(weights: number[], u: string): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const branches = weights
    .slice(0, -1)
    .map((weight, i) => `WHEN ${u} < ${((cumulative += weight) / total).toFixed(4)} THEN ${i + 1}`);
  return `CASE ${branches.join(" ")} ELSE ${weights.length} END`;
}

/** Two descriptions per reason ('' = none) as a 2-D array literal, indexed [reason][1|2]. */
function descriptions(reasons: ReasonSeed[]): string {
  const rows = reasons.map((r) => [r.descriptions[0] ?? "", r.descriptions[1] ?? r.descriptions[0] ?? ""]);
  return `ARRAY[${rows.map((row) => `[${row.map(literal).join(",")}]`).join(",")}]::text[]`;
}

export const SCALE_FUNCTIONS = `
CREATE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT (hashint8extended($1, $2) & 4503599627370495)::float8 / 4503599627370496.0 $$;
CREATE FUNCTION pg_temp.seed_uuid(key text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
  $$ SELECT overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17)::uuid $$;
CREATE FUNCTION pg_temp.pick(items text[], u float8) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT $1[1 + floor($2 * array_length($1, 1))::int] $$;
CREATE FUNCTION pg_temp.check_digit(base text, weights int[]) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE total int := 0;
BEGIN
  FOR i IN 1..array_length(weights, 1) LOOP total := total + substr(base, i, 1)::int * weights[i]; END LOOP;
  RETURN base || CASE WHEN total % 11 < 2 THEN 0 ELSE 11 - total % 11 END;
END $$;
CREATE FUNCTION pg_temp.cnpj(root8 text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT pg_temp.check_digit(pg_temp.check_digit($1 || '0001', '{${CNPJ_WEIGHTS_1}}'), '{${CNPJ_WEIGHTS_2}}') $$;
CREATE FUNCTION pg_temp.cpf(base9 text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT pg_temp.check_digit(pg_temp.check_digit($1, '{${CPF_WEIGHTS_1}}'), '{${CPF_WEIGHTS_2}}') $$;
CREATE TEMP TABLE scale_manufacturers (
  idx int PRIMARY KEY, id uuid, user_id uuid, name text, grace_days int,
  sub_first bigint, sub_last bigint, cust_offset bigint, cust_count bigint, susp_ids uuid[], canc_ids uuid[]
) ON COMMIT DROP;
CREATE TEMP TABLE scale_plan (
  n bigint, id uuid, manufacturer_id uuid, user_id uuid, customer_id uuid, serial text, product text, months int,
  situation text, origin text, started_at timestamptz, expires_at timestamptz, renewals int, lead interval,
  blocked_at timestamptz, suspended_at timestamptz, suspension_reason_id uuid, suspension_description text,
  cancellation_reason_id uuid, cancellation_description text, suspended_until timestamptz, usable_until timestamptz,
  act0 timestamptz, swaps int, last_swap timestamptz, swap_gap interval, final_cause text, final_at timestamptz, final_note text
) ON COMMIT DROP;`;

/** $1 = JSON array of ScaleManufacturer, $2 = password hash, $3 = now. */
export const INSERT_MANUFACTURERS = `
WITH input AS (
  SELECT (m->>'index')::int AS idx, m->>'name' AS name, (m->>'graceDays')::int AS grace_days,
         (m->>'firstSerial')::bigint AS sub_first, (m->>'lastSerial')::bigint AS sub_last,
         (m->>'customerOffset')::bigint AS cust_offset, (m->>'customers')::bigint AS cust_count
    FROM json_array_elements($1::json) m
), manufacturers AS (
  INSERT INTO scale_manufacturers
  SELECT idx, pg_temp.seed_uuid('scale-mfr-' || idx), pg_temp.seed_uuid('scale-usr-' || idx), name, grace_days,
         sub_first, sub_last, cust_offset, cust_count,
         ARRAY(SELECT pg_temp.seed_uuid('scale-rsn-' || idx || '-S' || k) FROM generate_series(1, ${SUSPENSION_REASONS.length}) k),
         ARRAY(SELECT pg_temp.seed_uuid('scale-rsn-' || idx || '-C' || k) FROM generate_series(1, ${CANCELLATION_REASONS.length}) k)
    FROM input RETURNING *
), accounts AS (
  INSERT INTO accounts (id, kind, name, document, grace_days, swap_limit, created_at)
  SELECT id, 'FABRICANTE', name, pg_temp.cnpj('9' || lpad(idx::text, 7, '0')), grace_days, 3, $3::timestamptz - interval '3 years'
    FROM manufacturers RETURNING id
), users AS (
  INSERT INTO users (id, email, name, password_hash, default_account_id, created_at)
  SELECT user_id, 'fabricante+' || idx || '@scale.test',
         ${pick(FIRST_NAMES, rnd(1, "idx"))} || ' ' || ${pick(SURNAMES, rnd(2, "idx"))}, $2, id, $3::timestamptz - interval '2 years'
    FROM manufacturers WHERE id IN (SELECT id FROM accounts) RETURNING id
), memberships AS (
  INSERT INTO memberships (user_id, account_id, profiles)
  SELECT user_id, id, ARRAY['FABRICANTE']::"Profile"[] FROM manufacturers WHERE user_id IN (SELECT id FROM users) RETURNING 1
), reasons AS (
  INSERT INTO reasons (id, manufacturer_id, kind, label, label_en, requires_description)
  SELECT m.susp_ids[r.k], m.id, 'SUSPENSAO'::"ReasonKind", r.label, r.label_en, r.requires FROM manufacturers m,
         unnest(${textArray(SUSPENSION_REASONS.map((r) => r.label))}, ${textArray(SUSPENSION_REASONS.map((r) => r.labelEn))},
                ARRAY[${SUSPENSION_REASONS.map((r) => r.requiresDescription)}]) WITH ORDINALITY AS r(label, label_en, requires, k)
  UNION ALL
  SELECT m.canc_ids[r.k], m.id, 'CANCELAMENTO'::"ReasonKind", r.label, r.label_en, r.requires FROM manufacturers m,
         unnest(${textArray(CANCELLATION_REASONS.map((r) => r.label))}, ${textArray(CANCELLATION_REASONS.map((r) => r.labelEn))},
                ARRAY[${CANCELLATION_REASONS.map((r) => r.requiresDescription)}]) WITH ORDINALITY AS r(label, label_en, requires, k)
  RETURNING 1
)
SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM users)::int AS users,
       (SELECT count(*) FROM memberships)::int AS memberships, (SELECT count(*) FROM reasons)::int AS reasons`;

/**
 * $1 = now. Customer number g: a store (CNPJ) or a professional (CPF). Documents come from
 * g * 7919 + c modulo 10^8 / 10^9, a bijection (7919 is prime to 10), so they never repeat.
 */
export const INSERT_CUSTOMERS = `
WITH inserted AS (
  INSERT INTO customers (id, manufacturer_id, type, name, document, city, state, email, created_at)
  SELECT pg_temp.seed_uuid('scale-cus-' || g), m.id, c.type::"CustomerType", c.name, c.document,
         (${textArray(CITIES.map(([city]) => city))})[c.city], (${textArray(CITIES.map(([, uf]) => uf))})[c.city],
         CASE c.type WHEN 'LOJISTA' THEN 'contato@' || replace(search_normalize(c.word), ' ', '') || g || '.test'
              ELSE search_normalize(c.first) || '.' || search_normalize(c.last) || g || '@email.test' END,
         $1::timestamptz - ${rnd(108, "g")} * interval '1000 days'
    FROM scale_manufacturers m
   CROSS JOIN LATERAL generate_series(m.cust_offset + 1, m.cust_offset + m.cust_count) AS g
   CROSS JOIN LATERAL (SELECT CASE WHEN ${rnd(101, "g")} < 0.3 THEN 'PROFISSIONAL' ELSE 'LOJISTA' END AS type,
          ${pick(STORE_WORDS, rnd(103, "g"))} AS word, ${pick(FIRST_NAMES, rnd(102, "g"))} AS first,
          ${pick(SURNAMES, rnd(105, "g"))} AS last, 1 + floor(${rnd(109, "g")} * ${CITIES.length})::int AS city) w
   CROSS JOIN LATERAL (SELECT w.*,
          CASE w.type WHEN 'LOJISTA'
            THEN ${pick(STORE_PREFIXES, rnd(110, "g"))} || ' ' || w.word
                 || CASE WHEN ${rnd(104, "g")} < 0.5 THEN ' ' || w.last ELSE '' END || ' ' || ${pick(STORE_SUFFIXES, rnd(106, "g"))}
            ELSE w.first || ' ' || ${pick(SURNAMES, rnd(107, "g"))} || ' ' || w.last END AS name,
          CASE w.type WHEN 'LOJISTA' THEN pg_temp.cnpj(lpad(((g * 7919 + 10000019) % 100000000)::text, 8, '0'))
               ELSE pg_temp.cpf(lpad(((g * 7919 + 123456789) % 1000000000)::text, 9, '0')) END AS document) c
  RETURNING 1
) SELECT count(*)::int AS count FROM inserted`;

const serialExpression = [0, 4, 8, 12]
  .map((start) =>
    [0, 1, 2, 3].map((i) => `substr('${SERIAL_ALPHABET}', (get_byte(h.bytes, ${start + i}) & 31) + 1, 1)`).join(" || "),
  )
  .join(" || '-' || ");

const suspensionIndex = weightedIndex(
  SUSPENSION_REASONS.map((r) => r.weight),
  rnd(20),
);
const cancellationIndex = weightedIndex(
  CANCELLATION_REASONS.map((r) => r.weight),
  rnd(21),
);
const productCase = `(${textArray(PRODUCTS.map(([name]) => name))})[${weightedIndex(
  PRODUCTS.map(([, w]) => w),
  rnd(26),
)}]`;

/**
 * $1..$2 = global serial numbers of the chunk, $3 = now. Status mix: 5% PENDENTE, 5% SUSPENSA,
 * 8% CANCELADA, 82% ATIVA of which 3 points in Período de Tolerância and 10 points expired.
 * Each LATERAL step reads the previous ones; OFFSET 0 stops the planner from inlining them into
 * each other, which would copy every expression into every later step (exponential planning).
 */
export const PLAN_CHUNK = `
INSERT INTO scale_plan
SELECT n, pg_temp.seed_uuid('scale-sub-' || n), m.id, m.user_id,
       pg_temp.seed_uuid('scale-cus-' || (m.cust_offset + 1 + floor(${rnd(22)} ^ 2 * m.cust_count)::bigint)),
       ${serialExpression}, ${productCase}, k.months, k.situation, o.origin, q.started_at, p.expires_at, p.renewals, p.lead,
       o.blocked_at, b.suspended_at,
       CASE WHEN b.suspended_at IS NOT NULL THEN m.susp_ids[r.si] END,
       CASE WHEN b.suspended_at IS NOT NULL THEN nullif((${descriptions(SUSPENSION_REASONS)})[r.si][1 + floor(${rnd(23)} * 2)::int], '') END,
       CASE WHEN k.situation = 'CANCELADA' THEN m.canc_ids[r.ci] END,
       CASE WHEN k.situation = 'CANCELADA' THEN nullif((${descriptions(CANCELLATION_REASONS)})[r.ci][1 + floor(${rnd(24)} * 2)::int], '') END,
       CASE WHEN k.situation = 'SUSPENSA' AND ${rnd(25)} < 0.3 THEN $3::timestamptz + interval '1 day' + ${rnd(27)} * interval '60 days' END,
       u.usable_until, a.act0, w.swaps, CASE WHEN w.swaps > 0 THEN w.last_swap END,
       least(interval '1 hour' + ${rnd(16)} * interval '10 days', (w.last_swap - a.act0) / (w.swaps + 1)),
       d.final_cause, CASE WHEN d.final_cause IS NOT NULL THEN d.final_at END,
       CASE WHEN d.final_cause = 'FABRICANTE' THEN
         CASE WHEN k.situation = 'CANCELADA' THEN 'Serial cancelado; computador liberado.' ELSE ${pick(DEACTIVATION_NOTES, rnd(28))} END END
  FROM scale_manufacturers m
 CROSS JOIN LATERAL generate_series(greatest(m.sub_first, $1::bigint), least(m.sub_last, $2::bigint)) AS n
 CROSS JOIN LATERAL (SELECT decode(md5('scale-serial-' || n), 'hex') AS bytes OFFSET 0) h
 CROSS JOIN LATERAL (SELECT
        CASE WHEN ${rnd(1)} < 0.05 THEN 'PENDENTE' WHEN ${rnd(1)} < 0.10 THEN 'SUSPENSA' WHEN ${rnd(1)} < 0.18 THEN 'CANCELADA'
             WHEN ${rnd(1)} < 0.21 THEN 'TOLERANCIA' WHEN ${rnd(1)} < 0.31 THEN 'EXPIRADA' ELSE 'ATIVA' END AS situation,
        CASE WHEN ${rnd(2)} < 0.7 THEN 1 ELSE 12 END AS months OFFSET 0) k
 CROSS JOIN LATERAL (SELECT
        CASE k.situation
          WHEN 'SUSPENSA' THEN CASE WHEN ${rnd(3)} < 0.2 THEN 'PENDENTE' ELSE 'ATIVA' END
          WHEN 'CANCELADA' THEN CASE WHEN ${rnd(3)} < 0.15 THEN 'PENDENTE' WHEN ${rnd(3)} < 0.45 THEN 'SUSPENSA' ELSE 'ATIVA' END
          WHEN 'PENDENTE' THEN 'PENDENTE' ELSE 'ATIVA' END AS origin,
        CASE k.situation
          WHEN 'SUSPENSA' THEN $3::timestamptz - interval '1 hour' - ${rnd(4)} * interval '90 days'
          WHEN 'CANCELADA' THEN $3::timestamptz - interval '1 hour' - ${rnd(4)} * interval '365 days' END AS blocked_at OFFSET 0) o
 CROSS JOIN LATERAL (SELECT x.suspended_at, coalesce(x.suspended_at, o.blocked_at, $3::timestamptz) AS stopped_at
   FROM (SELECT CASE WHEN k.situation = 'SUSPENSA' THEN o.blocked_at
                     WHEN o.origin = 'SUSPENSA' THEN o.blocked_at - interval '1 day' - ${rnd(5)} * interval '40 days' END AS suspended_at) x OFFSET 0) b
 CROSS JOIN LATERAL (SELECT
        CASE WHEN o.origin = 'PENDENTE' THEN 0 WHEN k.months = 1 THEN floor(${rnd(7)} ^ 2 * 10)::int ELSE floor(${rnd(7)} * 3)::int END AS renewals,
        make_interval(days => 1 + floor(${rnd(9)} * 4)::int) AS lead,
        CASE WHEN o.origin = 'PENDENTE' THEN
               CASE WHEN k.situation = 'PENDENTE' THEN $3::timestamptz - interval '1 hour' - ${rnd(8)} * interval '20 days'
                    ELSE b.stopped_at - interval '1 hour' - ${rnd(8)} * interval '15 days' END
             WHEN k.situation = 'ATIVA' THEN $3::timestamptz + interval '1 hour' + ${rnd(6)} * CASE k.months WHEN 1 THEN interval '27 days' ELSE interval '350 days' END
             WHEN k.situation = 'TOLERANCIA' THEN $3::timestamptz - interval '1 minute' - ${rnd(6)} * (make_interval(days => m.grace_days) - interval '2 minutes')
             WHEN k.situation = 'EXPIRADA' THEN $3::timestamptz - make_interval(days => m.grace_days) - interval '1 hour' - ${rnd(6)} * interval '365 days'
             ELSE b.stopped_at - interval '20 days' + ${rnd(6)} * CASE k.months WHEN 1 THEN interval '47 days' ELSE interval '350 days' END
        END AS expires_at OFFSET 0) p
 CROSS JOIN LATERAL (SELECT CASE WHEN o.origin = 'PENDENTE' THEN p.expires_at
        ELSE p.expires_at - (p.renewals + 1) * make_interval(months => k.months) END AS started_at OFFSET 0) q
 CROSS JOIN LATERAL (SELECT least(b.stopped_at, p.expires_at + make_interval(days => m.grace_days), $3::timestamptz) AS usable_until OFFSET 0) u
 CROSS JOIN LATERAL (SELECT CASE WHEN o.origin <> 'PENDENTE' AND u.usable_until > q.started_at + interval '3 hours'
          AND ${rnd(10)} < CASE k.situation WHEN 'ATIVA' THEN 0.93 WHEN 'TOLERANCIA' THEN 0.93 WHEN 'EXPIRADA' THEN 0.35 ELSE 0.6 END
        THEN q.started_at + ${rnd(11)} * least(interval '2 days', (u.usable_until - q.started_at) / 3) END AS act0 OFFSET 0) a
 CROSS JOIN LATERAL (SELECT
        CASE WHEN a.act0 IS NOT NULL AND u.usable_until - a.act0 > interval '1 day' AND ${rnd(12)} < 0.13
             THEN 1 + floor(${rnd(13)} ^ 2 * 4)::int ELSE 0 END AS swaps,
        CASE WHEN k.situation IN ('ATIVA', 'TOLERANCIA') AND ${rnd(14)} < 0.3
             THEN greatest($3::timestamptz - interval '1 hour' - ${rnd(15)} * interval '29 days', a.act0 + (u.usable_until - a.act0) * 0.5)
             ELSE a.act0 + (u.usable_until - a.act0) * (0.3 + 0.7 * ${rnd(15)}) END AS last_swap OFFSET 0) w
 CROSS JOIN LATERAL (SELECT
        CASE WHEN a.act0 IS NULL THEN NULL
             WHEN k.situation = 'CANCELADA' THEN CASE WHEN ${rnd(17)} < 0.5 THEN 'FABRICANTE' END
             WHEN ${rnd(17)} < 0.05 THEN 'DESKTOP' WHEN ${rnd(17)} < 0.07 THEN 'FABRICANTE' END AS final_cause,
        CASE WHEN k.situation = 'CANCELADA' THEN o.blocked_at + interval '5 minutes'
             ELSE x.last_act + (u.usable_until - x.last_act) * (0.05 + 0.9 * ${rnd(18)}) END AS final_at
   FROM (SELECT CASE WHEN w.swaps > 0 THEN w.last_swap ELSE a.act0 END AS last_act) x OFFSET 0) d
 CROSS JOIN LATERAL (SELECT ${suspensionIndex} AS si, ${cancellationIndex} AS ci OFFSET 0) r
 WHERE m.sub_first <= $2::bigint AND m.sub_last >= $1::bigint`;

export const INSERT_SUBSCRIPTIONS = `
WITH inserted AS (
  INSERT INTO subscriptions (id, serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status,
    billing_state, suspended_until, block_reason_id, block_description, blocked_at, blocked_by_user_id, last_swap_at, created_at, updated_at)
  SELECT id, serial, manufacturer_id, customer_id, product, CASE months WHEN 1 THEN 'MENSAL' ELSE 'ANUAL' END::"Plan",
         started_at, expires_at,
         CASE WHEN situation IN ('ATIVA', 'TOLERANCIA', 'EXPIRADA') THEN 'ATIVA' ELSE situation END::"SubscriptionStatus",
         CASE situation WHEN 'SUSPENSA' THEN 'PAUSADA' WHEN 'CANCELADA' THEN 'ENCERRADA' ELSE 'ATIVA' END::"BillingState",
         suspended_until,
         CASE situation WHEN 'SUSPENSA' THEN suspension_reason_id WHEN 'CANCELADA' THEN cancellation_reason_id END,
         CASE situation WHEN 'SUSPENSA' THEN suspension_description WHEN 'CANCELADA' THEN cancellation_description END,
         CASE WHEN situation IN ('SUSPENSA', 'CANCELADA') THEN blocked_at END,
         CASE WHEN situation IN ('SUSPENSA', 'CANCELADA') THEN user_id END,
         last_swap, started_at,
         greatest(started_at, CASE WHEN renewals > 0 THEN started_at + renewals * make_interval(months => months) - lead END,
                  act0, last_swap, final_at, suspended_at, blocked_at)
    FROM scale_plan
  RETURNING 1
) SELECT count(*)::int AS count FROM inserted`;

const activationKey = "(p.n * 8 + k)";
export const INSERT_ACTIVATIONS = `
WITH inserted AS (
  INSERT INTO activations (id, subscription_id, machine_id, machine_name, os, app_version, activated_at, last_seen_at,
    deactivated_at, deactivation_cause, deactivation_note, deactivated_by_id)
  SELECT pg_temp.seed_uuid('scale-act-' || p.n || '-' || k), p.id, md5('scale-mid-' || p.n || '-' || k),
         CASE WHEN ${rnd(31, activationKey)} < 0.3 THEN 'DESKTOP-' || upper(substr(md5('scale-mac-' || p.n || '-' || k), 1, 7))
              WHEN ${rnd(31, activationKey)} < 0.55 THEN 'NOTE-' || upper(search_normalize(${pick(FIRST_NAMES, rnd(32, activationKey))}))
              ELSE ${pick(
                MACHINE_STEMS.filter((s) => s !== "NOTE"),
                rnd(32, activationKey),
              )} || '-' || lpad((1 + floor(${rnd(33, activationKey)} * 12))::int::text, 2, '0') END,
         ${pick(OPERATING_SYSTEMS, rnd(34, activationKey))}, ${pick(APP_VERSIONS, rnd(35, activationKey))},
         x.activated_at, coalesce(x.deactivated_at, greatest(x.activated_at, p.usable_until - ${rnd(19, "p.n")} * interval '36 hours')),
         x.deactivated_at, x.cause::"DeactivationCause",
         CASE WHEN x.cause = 'FABRICANTE' THEN p.final_note END, CASE WHEN x.cause = 'FABRICANTE' THEN p.user_id END
    FROM scale_plan p
   CROSS JOIN LATERAL generate_series(0, p.swaps) AS k
   CROSS JOIN LATERAL (SELECT
          CASE k WHEN 0 THEN p.act0 ELSE p.last_swap - (p.swaps - k) * p.swap_gap END AS activated_at,
          CASE WHEN k < p.swaps THEN p.last_swap - (p.swaps - k - 1) * p.swap_gap ELSE p.final_at END AS deactivated_at,
          CASE WHEN k < p.swaps THEN 'SWAP' ELSE p.final_cause END AS cause) x
   WHERE p.act0 IS NOT NULL
  RETURNING 1
) SELECT count(*)::int AS count FROM inserted`;

/** The history of each serial of the chunk, consistent with its plan (see demo-serial-history.ts). */
export const INSERT_EVENTS = `
WITH inserted AS (
  INSERT INTO subscription_events (id, subscription_id, account_id, actor_kind, actor_user_id, type, reason_id, description,
    from_status, to_status, activation_id, created_at)
  SELECT gen_random_uuid(), p.id, p.manufacturer_id, e.actor::"ActorKind", e.actor_user_id, e.type::"EventType", e.reason_id,
         e.description, e.from_status::"SubscriptionStatus", e.to_status::"SubscriptionStatus", e.activation_id, e.at
    FROM scale_plan p
   CROSS JOIN LATERAL (
     SELECT 'SYSTEM' AS actor, NULL::uuid AS actor_user_id, 'CREATED' AS type, NULL::uuid AS reason_id, NULL::text AS description,
            NULL::text AS from_status, CASE p.origin WHEN 'PENDENTE' THEN 'PENDENTE' ELSE 'ATIVA' END AS to_status,
            NULL::uuid AS activation_id, p.started_at AS at
     UNION ALL
     SELECT 'SYSTEM', NULL, 'RENEWED', NULL, NULL, NULL, NULL, NULL, p.started_at + k * make_interval(months => p.months) - p.lead
       FROM generate_series(1, p.renewals) AS k
     UNION ALL
     SELECT 'DESKTOP', NULL, CASE k WHEN 0 THEN 'ACTIVATED' ELSE 'SWAPPED' END, NULL, NULL, NULL, NULL,
            pg_temp.seed_uuid('scale-act-' || p.n || '-' || k), CASE k WHEN 0 THEN p.act0 ELSE p.last_swap - (p.swaps - k) * p.swap_gap END
       FROM generate_series(0, p.swaps) AS k WHERE p.act0 IS NOT NULL
     UNION ALL
     SELECT CASE p.final_cause WHEN 'DESKTOP' THEN 'DESKTOP' ELSE 'USER' END, CASE p.final_cause WHEN 'FABRICANTE' THEN p.user_id END,
            'DEACTIVATED', NULL, p.final_note, NULL, NULL, pg_temp.seed_uuid('scale-act-' || p.n || '-' || p.swaps), p.final_at
      WHERE p.final_cause IS NOT NULL
     UNION ALL
     SELECT 'USER', p.user_id, 'SUSPENDED', p.suspension_reason_id, p.suspension_description,
            CASE p.origin WHEN 'PENDENTE' THEN 'PENDENTE' ELSE 'ATIVA' END, 'SUSPENSA', NULL, p.suspended_at
      WHERE p.suspended_at IS NOT NULL
     UNION ALL
     SELECT 'USER', p.user_id, 'CANCELLED', p.cancellation_reason_id, p.cancellation_description, p.origin, 'CANCELADA', NULL, p.blocked_at
      WHERE p.situation = 'CANCELADA'
   ) e
  RETURNING 1
) SELECT count(*)::int AS count FROM inserted`;
