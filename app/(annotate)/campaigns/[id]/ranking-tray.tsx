"use client";

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";

export interface TrayRow {
  id: string;
  label: string;
  /** "1st", "tied with the previous", or "not placed yet". */
  place: string;
  placed: boolean;
}

/**
 * The order so far as a sortable list: placed responses first (best first), then the rest.
 * Dragging, with the mouse, touch, or the keyboard (Space picks up, arrows move, Space drops),
 * reorders the whole list and places every response in it.
 */
export function RankingTray({
  rows,
  onReorder,
  disabled,
}: {
  rows: TrayRow[];
  onReorder: (order: string[], moved: string) => void;
  disabled?: boolean;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter stays the screen's Submit key, also while something is picked up.
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space"] },
    }),
  );
  const ids = rows.map((r) => r.id);
  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    onReorder(arrayMove(ids, from, to), String(active.id));
  }
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled}>
        <ol aria-label="Your ranking" className="space-y-1">
          {rows.map((row) => (
            <SortableRow key={row.id} row={row} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({ row }: { row: TrayRow }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: row.id,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="tray-row"
      data-response-id={row.id}
      className={`flex items-center gap-2 rounded-md border px-2 py-1 text-sm ${
        row.placed ? "border-indigo-300 bg-indigo-50 text-indigo-950" : "border-slate-200 text-slate-500"
      } ${isDragging ? "shadow-lg" : ""}`}
    >
      <button
        type="button"
        className="min-h-11 min-w-11 cursor-grab touch-none rounded px-2 text-lg leading-none"
        aria-label={`Drag ${row.label}`}
        {...attributes}
        {...listeners}
      >
        ⠿
      </button>
      <span className="font-medium">{row.label}</span>
      <span className="ml-auto text-xs">{row.place}</span>
    </li>
  );
}
