import { rationaleMaxLength } from "@/server/domain/rationale-limit";
interface Props {
  template: { rationale: { required: boolean; min_length: number; max_length?: number }; flags: string[] };
  rationale: string;
  flags: string[];
  onChange: (patch: { rationale?: string; flags?: string[] }) => void;
}

/** The rationale box and the flag boxes every template can ask for (`f` focuses the flags). */
export function RationaleAndFlags({ template, rationale, flags, onChange }: Props) {
  const min = template.rationale.required ? Math.max(1, template.rationale.min_length) : 0;
  return (
    <div className="card space-y-3 text-sm">
      {template.flags.length > 0 && (
        <fieldset data-flags className="flex flex-wrap items-center gap-3">
          <legend className="float-left mr-2 font-medium">
            Flags <span className="kbd">f</span>
          </legend>
          {template.flags.map((flag) => (
            <label key={flag} className="flex min-h-11 items-center gap-1">
              <input
                type="checkbox"
                checked={flags.includes(flag)}
                onChange={(e) =>
                  onChange({
                    flags: e.currentTarget.checked ? [...flags, flag] : flags.filter((f) => f !== flag),
                  })
                }
              />
              {flag}
            </label>
          ))}
        </fieldset>
      )}
      <label className="block font-medium">
        Rationale{min > 0 ? ` (at least ${min} characters)` : " (optional)"}
        <textarea
          className="input mt-1"
          rows={2}
          maxLength={rationaleMaxLength(template)}
          value={rationale}
          onChange={(e) => onChange({ rationale: e.currentTarget.value })}
        />
      </label>
    </div>
  );
}
