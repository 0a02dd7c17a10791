import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The boundaries STYLE.md states, checked: a rule no tool checks drifts.

/** Libraries one module owns. Tests, benches, scripts and e2e specs are harnesses and may use them. */
const OWNED_LIBRARIES = {
  kafka: {
    group: ["@platformatic/*"],
    message: "Only lib/server/kafka talks to Kafka: call a named operation from @/lib/server/kafka.",
  },
  ca: {
    group: ["node-forge", "node-forge/**"],
    message: "Only lib/server/ca does certificate math: call @/lib/server/ca.",
  },
  store: {
    // Only the module itself: a bare "sqlite" pattern would also match lib/server/store/sqlite.
    regex: "^node:sqlite$",
    message: "Only lib/server/store runs SQL: call @/lib/server/store (or the auth and ca services on it).",
  },
  // No module owns these: the independent registry client of the tests and benches (a dev
  // dependency that brings cloud KMS SDKs) never enters the console.
  "tests-only": {
    group: ["@confluentinc/*", "@bufbuild/*"],
    message:
      "@confluentinc/schemaregistry is a dev dependency for tests and benches; the console's codecs are lib/server/schema-registry/codecs.",
  },
};

/** The Kafka module is used through its index: its pooled clients and requests stay inside. */
const KAFKA_INTERNALS = {
  group: ["@/lib/server/kafka/*", "**/lib/server/kafka/*"],
  message:
    "Import @/lib/server/kafka (its index): the pooled clients and the library's Admin API stay inside the module.",
};

const SERVER_FROM_COMPONENTS = {
  group: ["@/lib/server", "@/lib/server/*", "**/lib/server", "**/lib/server/*"],
  message: "Components receive data as props; only pages, actions and route handlers call lib/server.",
};

/** One no-restricted-imports setting per file group: flat config keeps only the last one a file matches. */
function restrictedImports({ owner, components = false, tests = false } = {}) {
  const patterns = Object.entries(OWNED_LIBRARIES)
    .filter(([name]) => name !== owner)
    .map(([, pattern]) => pattern);
  // Tests may reach a module's parts (a translation table, a fixture) to test them alone.
  if (owner !== "kafka" && !tests) patterns.push(KAFKA_INTERNALS);
  if (components) patterns.push(SERVER_FROM_COMPONENTS);
  return { "no-restricted-imports": ["error", { patterns }] };
}

const CODE = "**/*.{ts,tsx,js,mjs}";
/** The console itself, what runs in the server and the browser; not its harnesses. */
const APPLICATION = [`app/${CODE}`, `components/${CODE}`, `lib/${CODE}`, "*.{ts,tsx,js,mjs}"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".runtime/**",
      ".local/**",
      "scripts/cluster/target/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  { files: APPLICATION, rules: restrictedImports() },
  { files: ["{app,components,lib}/**/*.test.{ts,tsx}"], rules: restrictedImports({ tests: true }) },
  { files: [`lib/server/kafka/${CODE}`], rules: restrictedImports({ owner: "kafka" }) },
  { files: [`lib/server/ca/${CODE}`], rules: restrictedImports({ owner: "ca" }) },
  { files: [`lib/server/store/${CODE}`], rules: restrictedImports({ owner: "store" }) },
  // Data access stays on the server: UI components never reach into lib/server.
  {
    files: ["components/**/*.{ts,tsx}", "app/**/_components/**/*.{ts,tsx}"],
    rules: restrictedImports({ components: true }),
  },
  {
    files: [CODE],
    rules: {
      // Imports flow one way; a circle means two modules are one, or one is in the wrong place.
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./lib/acl", "./lib/messages", "./lib/schemas", "./lib/queries"],
              from: "./lib/server",
              message:
                "Pure, shared code (browser and server) never imports lib/server; pass the data in, or move the code under lib/server.",
            },
            {
              target: [
                "./lib/server",
                "./lib/acl",
                "./lib/messages",
                "./lib/schemas",
                "./lib/queries",
                "./components",
              ],
              from: "./app",
              message: "Imports flow app → components → lib, never back.",
            },
            {
              target: ["./lib"],
              from: "./components",
              message: "Imports flow app → components → lib, never back.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
