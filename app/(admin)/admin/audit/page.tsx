import { AuditLog } from "./_components/audit-log";

export const metadata = { title: "Audit log · Arbiter" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading" className="mb-4 text-xl font-semibold">
        Audit log
      </h1>
      <AuditLog
        initial={{
          campaignId: one(search.campaign),
          userId: one(search.user),
          action: one(search.action),
          since: one(search.since),
          until: one(search.until),
        }}
      />
    </section>
  );
}
