#!/usr/bin/env node
// The `arbiter` command. The CLI is TypeScript that shares the app's services, so it runs
// through tsx's loader with the project's own tsconfig (for the `@/` paths).
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { main } = await import("./main.ts");
await main(process.argv);
