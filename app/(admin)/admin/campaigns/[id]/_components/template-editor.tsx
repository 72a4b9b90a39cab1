"use client";

import {
  DEFAULT_RATIONALE_MAX_LENGTH,
  rationaleMaxLength,
  type PairwiseTemplate,
} from "@/server/services/campaigns/template-config";

/** Comma-separated names, as a person types them, into the template's list. */
function toList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The pairwise template's options (DESIGN §5). Lists are edited as comma-separated text. */
export function TemplateEditor({
  template,
  onChange,
}: {
  template: PairwiseTemplate;
  onChange: (template: PairwiseTemplate) => void;
}) {
  const set = (patch: Partial<PairwiseTemplate>) => onChange({ ...template, ...patch });
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">Pairwise template</legend>
      <div className="flex flex-wrap gap-4">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={template.allow_tie}
            onChange={(e) => set({ allow_tie: e.currentTarget.checked })}
          />
          Allow tie
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={template.allow_both_bad}
            onChange={(e) => set({ allow_both_bad: e.currentTarget.checked })}
          />
          Allow both bad
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={template.strength}
            onChange={(e) => set({ strength: e.currentTarget.checked })}
          />
          Ask how much better (strength)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={template.rationale.required}
            onChange={(e) =>
              set({ rationale: { ...template.rationale, required: e.currentTarget.checked } })
            }
          />
          Require a rationale
        </label>
      </div>
      <label className="block">
        Rationale minimum length
        <input
          type="number"
          min={0}
          max={10000}
          className="input mt-1"
          value={template.rationale.min_length}
          onChange={(e) =>
            set({
              rationale: {
                ...template.rationale,
                min_length: Math.max(0, Number(e.currentTarget.value) || 0),
              },
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
            set({
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
        label="Criteria (comma-separated, e.g. helpfulness, harmlessness)"
        values={template.criteria}
        onChange={(criteria) => set({ criteria })}
      />
      <ListField
        label="Flags (comma-separated, e.g. unsafe, pii)"
        values={template.flags}
        onChange={(flags) => set({ flags })}
      />
    </fieldset>
  );
}

/**
 * Keeps the raw text while typing (a trailing comma must survive a keystroke) and hands the
 * parsed list upwards.
 */
function ListField({
  label,
  values,
  onChange,
}: {
  label: string;
  values: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <label className="block">
      {label}
      <input
        className="input mt-1"
        defaultValue={values.join(", ")}
        onChange={(e) => onChange(toList(e.currentTarget.value))}
      />
    </label>
  );
}
