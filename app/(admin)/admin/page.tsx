import { CampaignTable } from "./_components/campaign-table";
import { NewCampaignForm } from "./_components/new-campaign-form";

export const metadata = { title: "Campaigns · Arbiter" };

export default function AdminHome() {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="campaigns-heading">
        <h1 id="campaigns-heading" className="mb-4 text-xl font-semibold">
          Campaigns
        </h1>
        <CampaignTable />
      </section>
      <section aria-labelledby="new-campaign-heading" className="card h-fit">
        <h2 id="new-campaign-heading" className="mb-3 font-semibold">
          New campaign
        </h2>
        <NewCampaignForm />
      </section>
    </div>
  );
}
