// The export's header row as the issue states it, written out rather than read from the message
// catalog, so a renamed column fails the tests (round trips and e2e).
export const HEADER = [
  "Cliente",
  "CNPJ/CPF",
  "Tipo",
  "Cidade",
  "UF",
  "Número de Série",
  "Produto",
  "Plano",
  "Status",
  "Situação",
  "Motivo",
  "Descrição do motivo",
  "Nome da Máquina",
  "Ativado em",
  "Último acesso",
  "Trocas (30 dias)",
  "Início",
  "Expira em",
  "Fim da tolerância",
  "Cobrança de renovação",
];
