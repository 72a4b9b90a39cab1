"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";

// The charts load only when the Quality tab is first opened, so the campaign page (and any
// other page) does not ship them up front.
const QualitySection = dynamic(() => import("./quality/quality-section"), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading charts…</p>,
});

const TABS = [
  { id: "setup", label: "Setup" },
  { id: "quality", label: "Quality" },
] as const;
type TabId = (typeof TABS)[number]["id"];

/**
 * Setup (import, members, export, settings) and Quality. The setup panels stay mounted while
 * hidden, so a half-edited setting survives a look at the numbers.
 */
export function CampaignTabs({ campaignId, setup }: { campaignId: string; setup: ReactNode }) {
  const [tab, setTab] = useState<TabId>("setup");
  const [qualityOpened, setQualityOpened] = useState(false);
  const select = (id: TabId) => {
    setTab(id);
    if (id === "quality") setQualityOpened(true);
  };
  return (
    <div>
      <div
        role="tablist"
        aria-label="Campaign sections"
        className="mb-4 flex gap-1 border-b border-slate-200"
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => select(t.id)}
            onKeyDown={(e) => {
              if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
              const next = TABS[(TABS.findIndex((x) => x.id === t.id) + 1) % TABS.length];
              if (next) select(next.id);
            }}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${
              tab === t.id
                ? "border-indigo-600 text-indigo-700"
                : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="panel-setup" aria-labelledby="tab-setup" hidden={tab !== "setup"}>
        {setup}
      </div>
      <div
        role="tabpanel"
        id="panel-quality"
        aria-labelledby="tab-quality"
        hidden={tab !== "quality"}
      >
        {qualityOpened && <QualitySection campaignId={campaignId} />}
      </div>
    </div>
  );
}
