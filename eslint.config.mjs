import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";

// import-x's TypeScript parsing and extensions, with the TypeScript resolver (below) instead of its legacy one
const { "import-x/resolver": _legacyResolver, ...importXTypeScript } = importX.flatConfigs.typescript.settings;
const NOTHING_IMPORTS_APP = { group: ["@/app/*"], message: "Nothing imports app/." };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/.out/**",
      "bench/.tmp/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [NOTHING_IMPORTS_APP] }],
    },
  },
  {
    // No import cycles (type-only imports aside: they vanish at run time). The TypeScript resolver follows `@/` paths.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts", "bench/**/*.ts", "e2e/**/*.ts", "*.ts"],
    plugins: { "import-x": importX },
    settings: {
      ...importXTypeScript,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
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
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "!@/db/schema"],
              message: "app/ calls lib/; use a verb or query from lib/.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // Domains depend one way: staff -> intake -> notifications -> scheduling (scheduling publishes booking events).
  // Below them all, lib/http (request plumbing) and lib/audit (the row every verb writes) import no domain. Demo data
  // is data: no production module imports db/seed except lib/db.ts, the composition root that seeds the embedded database.
  ...[
    ["lib/scheduling/**", ["@/lib/notifications/*", "@/lib/intake/*", "@/lib/staff/*", "@/lib/waitlist/*"]],
    ["lib/notifications/**", ["@/lib/intake/*", "@/lib/staff/*", "@/lib/waitlist/*"]],
    ["lib/intake/**", ["@/lib/staff/*"]],
    [
      "lib/http/**",
      ["@/lib/scheduling/*", "@/lib/notifications/*", "@/lib/intake/*", "@/lib/staff/*", "@/lib/audit/*"],
    ],
    [
      "lib/audit/**",
      [
        "@/lib/scheduling/*",
        "@/lib/notifications/*",
        "@/lib/intake/*",
        "@/lib/staff/*",
        "@/lib/http/*",
        "@/lib/auth",
        "@/lib/db",
      ],
    ],
    ["lib/{staff,catalog,security}/**", []],
    ["lib/*", []],
    ["db/*", ["./seed/*"]],
  ].map(([dir, banned]) => ({
    files: [`${dir}.{ts,tsx}`],
    ignores: ["**/*.test.ts", "**/testing/**", "lib/db.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NOTHING_IMPORTS_APP,
            {
              group: [...banned, "@/db/seed/*"],
              message: "Domains import each other one way only, and never demo data (see conventions).",
            },
          ],
        },
      ],
    },
  })),
  {
    // demo data is written with the domains' verbs on a database it is given, never through the app's plumbing
    files: ["db/seed/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NOTHING_IMPORTS_APP,
            {
              group: ["@/lib/db", "@/lib/auth", "@/lib/http/*"],
              message: "Demo data takes the database as a parameter.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
