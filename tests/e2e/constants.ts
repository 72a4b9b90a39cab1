// E2E_PORT lets several suites run side by side on one machine.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ADMIN = { email: "e2e-admin@example.test", password: "e2e admin password" };
