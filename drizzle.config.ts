import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; the app applies them with
// drizzle-orm's migrator (db/migrate.ts), so drizzle-kit never needs a live database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
