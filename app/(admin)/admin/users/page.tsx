import { NewUserForm } from "./_components/new-user-form";
import { UserTable } from "./_components/user-table";

export const metadata = { title: "Users · Arbiter" };

export default function UsersPage() {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="users-heading" className="min-w-0">
        <h1 id="users-heading" className="mb-4 text-xl font-semibold">
          Users
        </h1>
        <UserTable />
      </section>
      <section aria-labelledby="new-user-heading" className="card h-fit">
        <h2 id="new-user-heading" className="mb-3 font-semibold">
          New user
        </h2>
        <NewUserForm />
      </section>
    </div>
  );
}
