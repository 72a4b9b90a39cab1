import { redirect } from "next/navigation";
import { getCurrentUser } from "./_lib/current-user";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  redirect(user.role === "admin" ? "/admin" : "/campaigns");
}
