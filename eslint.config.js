import js from "@eslint/js";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "test-results/**", "next-env.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle, "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // Configuration comes from one validated module (server/env.ts), never ad hoc.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through server/env.ts" },
      ],
    },
  },
  {
    // Writes open transactions through writeTransaction, so serialization failures and deadlocks
    // are retried the same way everywhere (DESIGN §11).
    files: ["server/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "pages/**/*.ts"],
    ignores: ["server/services/with-retry.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Open transactions with writeTransaction (server/services/with-retry.ts)",
        },
      ],
    },
  },
  {
    // The math and the file formats are pure: no database, no services, no framework.
    files: ["server/stats/**", "server/formats/**", "server/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/services/**", "@/server/trpc/**", "@/server/http/**", "@/server/auth/**", "@/db/**", "**/services/**", "**/db/**"],
              message: "server/stats, server/formats and server/domain stay pure: move shared types to server/domain",
            },
            {
              group: ["next", "next/**", "next-auth", "next-auth/**", "@trpc/**", "drizzle-orm", "drizzle-orm/**", "pg", "@electric-sql/**"],
              message: "server/stats, server/formats and server/domain import no framework or database",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/env.ts", "proxy.ts", "instrumentation.ts", "**/*.config.*", "tests/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
