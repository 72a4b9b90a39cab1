"use client";

import {
  LIKERT_SCALES,
  type RankingTemplate,
  type RatingTemplate,
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
