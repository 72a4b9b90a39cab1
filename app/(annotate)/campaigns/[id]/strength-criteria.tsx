import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";
import { hintOf, shortcutOf, type KeyBinding } from "./key-map";
import { STRENGTH_OPTIONS, type StrengthValue } from "./pairwise-answer";

const SLOT_LABELS = ["A", "B"] as const;

/**
 * A pairwise verdict's strength buttons and criteria radios, for the whole pair or one turn of
 * it: shown only as far as the template asks for them. Keys are shown and announced only while
 * `focused` (the focused turn; a whole pair always is).
 */
export function StrengthAndCriteria(props: {
  template: PairwiseTemplate;
  value: { strength: StrengthValue | null; criteria: Record<string, string> };
  ids: readonly string[];
  keys: KeyBinding[];
  /** Whether the verdict prefers a response: strength applies only then. */
  preferred: boolean;
  focused: boolean;
  disabled?: boolean;
  /** Tells this verdict's controls apart from another's on the same page ("turn 2"). */
  scope?: { label: string; name: string };
  onSet: (patch: { strength?: StrengthValue; criteria?: Record<string, string> }) => void;
}) {
  const { template, value, keys, focused, disabled = false, scope } = props;
  return (
    <>
      {template.strength && (
        <div
          role="group"
          aria-label={scope ? `How much better, ${scope.label}` : "How much better"}
          className="flex flex-wrap items-center gap-2 text-sm"
        >
          <span className="font-medium">How much better?</span>
          {STRENGTH_OPTIONS.map((s) => (
            <button
              key={s.value}
              type="button"
              aria-pressed={value.strength === s.value}
              aria-keyshortcuts={focused ? shortcutOf(keys, `strength:${s.value}`) : undefined}
              disabled={disabled || !props.preferred}
              onClick={() => props.onSet({ strength: s.value })}
              className={`btn ${value.strength === s.value ? "border-indigo-600 bg-indigo-50" : ""}`}
            >
              {s.label} {focused && <span className="kbd">{hintOf(keys, `strength:${s.value}`)}</span>}
            </button>
          ))}
        </div>
      )}
      {template.criteria.map((criterion) => (
        <fieldset key={criterion} className="flex flex-wrap items-center gap-3 text-sm">
          <legend className="float-left mr-2 font-medium capitalize">{criterion}</legend>
          {[...props.ids.map((id, i) => ({ value: id, label: SLOT_LABELS[i] ?? String(i + 1) })), { value: "tie", label: "Tie" }].map(
            (o) => (
              <label key={o.value} className="flex min-h-11 items-center gap-1">
                <input
                  type="radio"
                  name={`${scope ? `${scope.name}-` : ""}criterion-${criterion}`}
                  disabled={disabled}
                  checked={value.criteria[criterion] === o.value}
                  onChange={() => props.onSet({ criteria: { ...value.criteria, [criterion]: o.value } })}
                />
                {o.label}
              </label>
            ),
          )}
        </fieldset>
      ))}
    </>
  );
}
