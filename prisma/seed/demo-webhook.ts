// The demo's webhook endpoint: Móveis Aurora Indústria sends its serial events to the local receiver
// of `npm run webhook:receiver`, signed with a fixed, public demo secret (never use it elsewhere).
export const DEMO_WEBHOOK_URL = "http://localhost:4000/webhooks";
export const DEMO_WEBHOOK_SECRET = "whsec_demo_portal_assinaturas_nao_use_em_producao";
