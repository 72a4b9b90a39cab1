export interface Problem {
  line: number;
  field: string | null;
  message: string;
}

/** The line-numbered report of an import or preview: the first problems, then how many more. */
export function ImportProblems({ problems, count }: { problems: Problem[]; count: number }) {
  return (
    <>
      {problems.length > 0 && (
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">Problems found in the file</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} data-testid="import-problem">
                <td className="pr-3 tabular-nums">{p.line === 0 ? "file" : p.line}</td>
                <td className="pr-3 font-mono">{p.field ?? "—"}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {count > problems.length && <p className="mt-1">…and {count - problems.length} more.</p>}
    </>
  );
}
