import { UserAdmin } from "./_components/user-admin";

export const metadata = { title: "User · Arbiter" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <UserAdmin userId={id} />;
}
