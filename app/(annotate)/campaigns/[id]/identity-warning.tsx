/**
 * Shown above a task whose responses the identity-leak guard flagged (a campaign set to warn
 * rather than hold). It names neither the response nor the model: saying which would tell the
 * annotator more than the response itself does.
 */
export function IdentityWarning() {
  return (
    <p
      role="note"
      data-testid="identity-warning"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <strong className="font-semibold">Heads-up:</strong> a response in this task may reveal the
      model&apos;s identity. Judge what each response says, not who may have written it.
    </p>
  );
}
