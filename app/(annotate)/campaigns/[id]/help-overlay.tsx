"use client";

import { Dialog } from "@/app/_components/dialog";
import type { KeyBinding } from "./key-map";

/** Lists the key map the handlers use: the task's keys, then the screen's. */
export function HelpOverlay({ keys, onClose }: { keys: KeyBinding[]; onClose: () => void }) {
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
          {keys.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <td className="py-1 pr-3">
                {row.display ? (
                  <kbd className="kbd">{row.display}</kbd>
                ) : (
                  row.keys.map((k) => (
                    <kbd key={k} className="kbd mr-1">
                      {k === "Escape" ? "Esc" : k}
                    </kbd>
                  ))
                )}
              </td>
              <td className="py-1">{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
