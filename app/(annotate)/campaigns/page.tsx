import { MyCampaigns } from "./my-campaigns";

export const metadata = { title: "Annotate · Arbiter" };

export default function AnnotateHome() {
  return (
    <section aria-labelledby="my-campaigns-heading">
      <h1 id="my-campaigns-heading" className="mb-4 text-xl font-semibold">
        Your campaigns
      </h1>
      <MyCampaigns />
    </section>
  );
}
