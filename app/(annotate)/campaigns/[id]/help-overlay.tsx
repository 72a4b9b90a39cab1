"use client";

import { Dialog } from "@/app/_components/dialog";
import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";
import { STRENGTH_OPTIONS } from "./pairwise-answer";

interface KeyRow {
  keys: string;
  action: string;
}

/** Every shortcut of the annotate screen, only those this campaign's template uses. */
export function keyRows(template: PairwiseTemplate | null): KeyRow[] {
  return [
    { keys: "1", action: "A is better" },
    { keys: "2", action: "B is better" },
    ...(template?.allow_tie !== false ? [{ keys: "3", action: "Tie" }] : []),
    ...(template?.allow_both_bad !== false ? [{ keys: "4", action: "Both bad" }] : []),
    ...(template?.strength
      ? STRENGTH_OPTIONS.map((s) => ({ keys: s.key, action: `Strength: ${s.label.toLowerCase()}` }))
      : []),
    ...(template && template.flags.length > 0
      ? [{ keys: "f", action: "Flag the task (go to the flags)" }]
      : []),
    { keys: "d", action: "Show or hide the word diff of the two responses" },
    { keys: "Enter", action: "Submit" },
    { keys: "s", action: "Skip the task (asks for a reason)" },
    { keys: "u", action: "Edit your previous answer" },
    { keys: "n", action: "Next task, after a submit that could not be stored" },
    { keys: "g", action: "Show or hide the guidelines" },
    { keys: "?", action: "Show or hide this list" },
    { keys: "Esc", action: "Close a panel or dialog; leave a text field" },
  ];
}

export function HelpOverlay({
  template,
  onClose,
}: {
  template: PairwiseTemplate | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === "?") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <table className="w-full text-sm" aria-label="Keyboard shortcuts">
        <tbody>
          {keyRows(template).map((row) => (
            <tr key={row.keys} className="border-t border-slate-100">
              <td className="py-1 pr-3">
                <kbd className="kbd">{row.keys}</kbd>
              </td>
              <td className="py-1">{row.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
