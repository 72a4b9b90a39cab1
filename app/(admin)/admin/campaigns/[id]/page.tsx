import { CampaignAdmin } from "./_components/campaign-admin";

export const metadata = { title: "Campaign · Arbiter" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CampaignAdmin campaignId={id} />;
}
