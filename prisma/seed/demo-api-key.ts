// The demo's API key of the integration API: Móveis Aurora Indústria, scopes read and write. A fixed,
// public demo key (never use it elsewhere), printed at `npm run demo` start; the database keeps
// only its SHA-256, as for any key.
export const DEMO_API_KEY = "pak_demo_portal_assinaturas_nao_use_em_producao";
export const DEMO_API_KEY_NAME = "ERP de demonstração";

/** One line to try the API, for the start message and the README. */
export function demoApiCurl(baseUrl: string): string {
  return `curl -H "Authorization: Bearer ${DEMO_API_KEY}" "${baseUrl}/api/v1/manufacturer/subscriptions?limit=5&status=TOLERANCIA"`;
}
