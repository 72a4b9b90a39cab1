"use client";

export function ExportPanel({ campaignId }: { campaignId: string }) {
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading" className="mb-3 font-semibold">
        Export
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        TRL preference rows with an explicit prompt, one per judgement that prefers a response (ties and
        both-bad verdicts are left out). Streams straight from the database.
      </p>
      <a className="btn btn-primary" href={`/api/v1/campaigns/${campaignId}/export?format=trl`} download>
        Download TRL JSONL
      </a>
    </section>
  );
}
