import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/.out/**", "bench/.tmp/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*"], message: "Nothing imports app/." }] }],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // app/ talks to lib/, never to db/ (types aside).
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db/*", "!@/db/schema"], message: "app/ calls lib/; use a verb or query from lib/.", allowTypeImports: true }] }],
    },
  },
  // Domains depend one way: staff -> intake -> notifications -> scheduling (scheduling publishes booking events).
  ...[
    ["lib/scheduling/**", ["@/lib/notifications/*", "@/lib/intake/*", "@/lib/staff/*"]],
    ["lib/notifications/**", ["@/lib/intake/*", "@/lib/staff/*"]],
    ["lib/intake/**", ["@/lib/staff/*"]],
  ].map(([dir, banned]) => ({
    files: [`${dir}/*.{ts,tsx}`],
    ignores: ["**/*.test.ts", "**/testing/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*"], message: "Nothing imports app/." }, { group: banned, message: "Domains import each other one way only (see conventions)." }] }],
    },
  })),
];

export default config;
