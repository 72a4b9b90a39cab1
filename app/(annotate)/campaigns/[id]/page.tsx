import { AnnotateScreen } from "./annotate-screen";

export const metadata = { title: "Annotate · Arbiter" };

export default async function AnnotatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AnnotateScreen campaignId={id} />;
}
