import { DEFAULT_IDENTITY_LEAK_WORDS, type IdentityLeakMode } from "@/server/domain/identity-leak";

/**
 * The identity-leak guard's settings, inside the campaign settings form (read from its
 * FormData as `identity_leak` and `identity_leak_words`). Saving a changed list re-checks
 * every response of the campaign.
 */
export function IdentityLeakFields({ mode, words }: { mode: IdentityLeakMode; words: readonly string[] }) {
  return (
    <fieldset className="grid gap-3 rounded border border-slate-200 p-3 sm:grid-cols-2">
      <legend className="px-1 font-semibold">Identity-leak guard</legend>
      <div className="space-y-2">
        <label className="block font-medium">
          Responses that name a model or vendor
          <select name="identity_leak" defaultValue={mode} className="input mt-1">
            <option value="hold">Hold the item until an admin releases it</option>
            <option value="warn">Serve it with a warning to the annotator</option>
          </select>
        </label>
        <p className="text-xs text-slate-500">
          Each phrase matches ignoring case, across any spacing, as whole words: “Llama” matches
          “Llama-2” but not “llamas”, “OpenAI” not “openair”. Flagged items are listed on the
          Quality tab; held ones are not exported until released.
        </p>
      </div>
      <label className="block font-medium">
        Phrases (one a line)
        <textarea
          name="identity_leak_words"
          rows={6}
          defaultValue={words.join("\n")}
          placeholder={DEFAULT_IDENTITY_LEAK_WORDS.slice(0, 3).join("\n")}
          className="input mt-1 font-mono text-xs"
        />
      </label>
    </fieldset>
  );
}
