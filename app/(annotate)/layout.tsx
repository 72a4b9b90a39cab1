import type { ReactNode } from "react";
import { AppHeader } from "../_components/app-header";
import { requireUser } from "../_lib/current-user";

export const dynamic = "force-dynamic";

export default async function AnnotateLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
