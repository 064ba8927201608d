// The demo's logins, printed by `npm run db:seed`, the demo start command and the README.
// prisma/seed/demo.ts creates exactly these users with these memberships.

export const DEMO_PASSWORD = "demo1234";

export type DemoLogin = { email: string; description: string };

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    email: "fabricante@demo.test",
    description:
      "Responsável e Fabricante em Móveis Aurora Indústria (Equipe: convidar, perfis, remover), Fabricante em Cozinhas Horizonte",
  },
  {
    email: "admin@demo.test",
    description: "Administrador sem perfil Fabricante em Móveis Aurora Indústria (vê, exporta, não age)",
  },
  {
    email: "convidado@demo.test",
    description: "Convidado (somente leitura) em Móveis Aurora Indústria",
  },
  {
    email: "lojista@demo.test",
    description: "Lojista Casa & Estilo Planejados, cliente de dois fabricantes (Minhas assinaturas)",
  },
];
