"use client";

import {
  DEFAULT_RATIONALE_MAX_LENGTH,
  rationaleMaxLength,
  type TemplateConfig,
} from "@/server/services/campaigns/template-config";
import { Check, ListField, RankingFields, RatingFields, StepsFields } from "./template-kind-fields";

const KIND_NAMES: Record<TemplateConfig["kind"], string> = {
  pairwise: "Pairwise template",
  ranking: "Ranking template",
  rating: "Rating template",
  steps: "Step-label template",
};

/** The template's options for its kind (DESIGN §5), then what every kind shares. */
export function TemplateEditor({
  template,
  onChange,
}: {
  template: TemplateConfig;
  onChange: (template: TemplateConfig) => void;
}) {
  const setCommon = (patch: Partial<Pick<TemplateConfig, "rationale" | "flags">>) =>
    onChange({ ...template, ...patch });
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{KIND_NAMES[template.kind]}</legend>
      {template.kind === "pairwise" && (
        <>
          <div className="flex flex-wrap gap-4">
            <Check label="Allow tie" checked={template.allow_tie} onChange={(v) => onChange({ ...template, allow_tie: v })} />
            <Check
              label="Allow both bad"
              checked={template.allow_both_bad}
              onChange={(v) => onChange({ ...template, allow_both_bad: v })}
            />
            <Check
              label="Ask how much better (strength)"
              checked={template.strength}
              onChange={(v) => onChange({ ...template, strength: v })}
            />
            <Check
              label="Judge multi-turn responses turn by turn"
              checked={template.per_turn ?? false}
              onChange={(v) => onChange({ ...template, per_turn: v })}
            />
          </div>
          <ListField
            label="Criteria (comma-separated, e.g. helpfulness, harmlessness)"
            values={template.criteria}
            onChange={(criteria) => onChange({ ...template, criteria })}
          />
        </>
      )}
      {template.kind === "ranking" && <RankingFields template={template} onChange={onChange} />}
      {template.kind === "rating" && <RatingFields template={template} onChange={onChange} />}
      {template.kind === "steps" && <StepsFields template={template} onChange={onChange} />}
      <Check
        label="Require a rationale"
        checked={template.rationale.required}
        onChange={(v) => setCommon({ rationale: { ...template.rationale, required: v } })}
      />
      <label className="block">
        Rationale minimum length
        <input
          type="number"
          min={0}
          max={10000}
          className="input mt-1"
          value={template.rationale.min_length}
          onChange={(e) =>
            setCommon({
              rationale: { ...template.rationale, min_length: Math.max(0, Number(e.currentTarget.value) || 0) },
            })
          }
        />
      </label>
      <label className="block">
        Rationale maximum length
        <input
          type="number"
          min={1}
          max={100000}
          className="input mt-1"
          value={rationaleMaxLength(template)}
          onChange={(e) =>
            setCommon({
              rationale: {
                ...template.rationale,
                max_length: Math.max(
                  1,
                  Number(e.currentTarget.value) || DEFAULT_RATIONALE_MAX_LENGTH,
                ),
              },
            })
          }
        />
      </label>
      <ListField
        label="Flags (comma-separated, e.g. unsafe, pii)"
        values={template.flags}
        onChange={(flags) => setCommon({ flags })}
      />
    </fieldset>
  );
}
