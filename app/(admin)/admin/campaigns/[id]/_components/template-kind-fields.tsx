"use client";

import {
  LIKERT_SCALES,
  STEP_MODES,
  STEP_SPLITS,
  type RankingTemplate,
  type RatingTemplate,
  type StepsTemplate,
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

export function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex min-h-11 items-center gap-2">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/**
 * Keeps the raw text while typing (a trailing comma must survive a keystroke) and hands the
 * parsed list upwards.
 */
export function ListField({ label, values, onChange }: { label: string; values: string[]; onChange: (v: string[]) => void }) {
  return (
    <label className="block">
      {label}
      <input className="input mt-1" defaultValue={values.join(", ")} onChange={(e) => onChange(toList(e.currentTarget.value))} />
    </label>
  );
}

export function RankingFields({ template, onChange }: { template: RankingTemplate; onChange: (t: RankingTemplate) => void }) {
  return (
    <div className="flex flex-wrap gap-4">
      <Check label="Allow ties" checked={template.allow_ties} onChange={(v) => onChange({ ...template, allow_ties: v })} />
      <Check
        label={'Allow "none is acceptable"'}
        checked={template.allow_not_rankable}
        onChange={(v) => onChange({ ...template, allow_not_rankable: v })}
      />
    </div>
  );
}

const scaleName = (s: { min: number; max: number }) => `${s.min}–${s.max}`;

/** Attributes with their Likert scale, and the preference that may follow the ratings. */
export function RatingFields({ template, onChange }: { template: RatingTemplate; onChange: (t: RatingTemplate) => void }) {
  const attrs = template.attributes;
  const setAttr = (i: number, patch: Partial<RatingTemplate["attributes"][number]>) =>
    onChange({ ...template, attributes: attrs.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <div className="space-y-2">
      <ul aria-label="Attributes" className="space-y-2">
        {attrs.map((a, i) => (
          <li key={i} className="flex flex-wrap items-end gap-2">
            <label className="min-w-0 flex-1">
              Attribute {i + 1} name
              <input className="input mt-1" value={a.name} maxLength={64} onChange={(e) => setAttr(i, { name: e.currentTarget.value })} />
            </label>
            <label>
              Attribute {i + 1} scale
              <select
                className="input mt-1"
                value={scaleName(a)}
                onChange={(e) => {
                  const scale = LIKERT_SCALES.find((s) => scaleName(s) === e.currentTarget.value);
                  if (scale) setAttr(i, { min: scale.min, max: scale.max });
                }}
              >
                {LIKERT_SCALES.map((s) => (
                  <option key={scaleName(s)}>{scaleName(s)}</option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn"
              disabled={attrs.length <= 1}
              onClick={() => onChange({ ...template, attributes: attrs.filter((_, j) => j !== i) })}
            >
              Remove attribute {i + 1}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn"
        disabled={attrs.length >= 12}
        onClick={() => onChange({ ...template, attributes: [...attrs, { name: "", min: 1, max: 5 }] })}
      >
        Add attribute
      </button>
      <label className="block">
        After the ratings
        <select
          className="input mt-1"
          value={template.then ?? "none"}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange({ ...template, then: v === "pairwise" || v === "ranking" ? v : null });
          }}
        >
          <option value="none">nothing</option>
          <option value="pairwise">choose the best response</option>
          <option value="ranking">rank the responses</option>
        </select>
      </label>
    </div>
  );
}

const MODE_NAMES: Record<StepsTemplate["mode"], string> = {
  per_step: "Label every step +1 / 0 / −1",
  first_error: "Mark the first wrong step (the rest follow)",
};
const SPLIT_NAMES: Record<StepsTemplate["split"], string> = {
  blank_lines: "at blank lines",
  lines: "at every line break",
};

/** How steps are labelled, and how a response imported as one text is cut into steps. */
export function StepsFields({ template, onChange }: { template: StepsTemplate; onChange: (t: StepsTemplate) => void }) {
  return (
    <div className="flex flex-wrap gap-4">
      <label className="block">
        Labelling
        <select
          className="input mt-1"
          value={template.mode}
          onChange={(e) => {
            const mode = STEP_MODES.find((m) => m === e.currentTarget.value);
            if (mode) onChange({ ...template, mode });
          }}
        >
          {STEP_MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_NAMES[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        Split responses without explicit steps
        <select
          className="input mt-1"
          value={template.split}
          onChange={(e) => {
            const split = STEP_SPLITS.find((m) => m === e.currentTarget.value);
            if (split) onChange({ ...template, split });
          }}
        >
          {STEP_SPLITS.map((m) => (
            <option key={m} value={m}>
              {SPLIT_NAMES[m]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
