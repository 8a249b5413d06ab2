"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type ScreenReaderInstructions,
} from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useId, useOptimistic, useRef, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useActionRunner } from "@/components/ui/use-action";
import { archiveBehaviour, reorderBehaviours } from "@/lib/framework/actions";
import { BehaviourCard } from "./behaviour-card";
import { BehaviourFormDialog } from "./behaviour-form-dialog";
import { ArrowIcon, GripIcon } from "./icons";
import type { BehaviourView } from "./types";

type Direction = "up" | "down";

/**
 * The admin's list of active behaviours: drag a card by its handle (mouse, touch, or the keyboard: Space to pick
 * up, arrows to move, Space to drop), or use Move up / Move down. The new order shows at once and is saved as
 * one list; if the save is refused the old order comes back with a message.
 */
export function FrameworkEditor({ slug, behaviours }: { slug: string; behaviours: BehaviourView[] }) {
  const [order, setOptimisticOrder] = useOptimistic(behaviours);
  const [, startTransition] = useTransition();
  const listRef = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ id: string; direction: Direction } | null>(null);
  const dndId = useId();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  function save(next: BehaviourView[]) {
    startTransition(async () => {
      setOptimisticOrder(next);
      const result = await reorderBehaviours(slug, { behaviourIds: next.map((b) => b.id) });
      if (result.status === "error") toast.error(result.fieldErrors ? Object.values(result.fieldErrors)[0] : result.message);
    });
  }

  function move(index: number, direction: Direction) {
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    refocus.current = { id: order[index]!.id, direction };
    save(arrayMove(order, index, target));
  }

  // A moved card's DOM node may be re-inserted, which drops focus: put it back on the button that was pressed,
  // or on the other arrow when the card reached the end of the list.
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted || !listRef.current) return;
    refocus.current = null;
    const button = (direction: Direction) =>
      listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${direction}"][data-behaviour="${wanted.id}"]`);
    const same = button(wanted.direction);
    const other = button(wanted.direction === "up" ? "down" : "up");
    (same && !same.disabled ? same : other)?.focus();
  }, [order]);

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = order.findIndex((b) => b.id === active.id);
    const to = order.findIndex((b) => b.id === over.id);
    if (from < 0 || to < 0) return;
    save(arrayMove(order, from, to));
  }

  const nameOf = (id: string | number) => order.find((b) => b.id === id)?.name ?? "the behaviour";
  const placeOf = (id: string | number) => order.findIndex((b) => b.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, position ${placeOf(active.id)} of ${order.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over position ${placeOf(over.id)} of ${order.length}.` : `${nameOf(active.id)} is no longer over the list.`,
    onDragEnd: ({ active, over }) =>
      over ? `${nameOf(active.id)} dropped at position ${placeOf(over.id)} of ${order.length}.` : `${nameOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled; it stays where it was.`,
  };
  const instructions: ScreenReaderInstructions = {
    draggable:
      "To reorder, press Space or Enter to pick the behaviour up, the up and down arrows to move it, and Space or Enter to drop it. Escape cancels.",
  };

  return (
    <DndContext
      id={dndId}
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: instructions }}
    >
      <SortableContext items={order.map((b) => b.id)} strategy={verticalListSortingStrategy}>
        <ol ref={listRef} className="space-y-4" aria-label="Active behaviours, in order">
          {order.map((behaviour, index) => (
            <SortableBehaviour
              key={behaviour.id}
              slug={slug}
              behaviour={behaviour}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === order.length - 1}
              onMove={(direction) => move(index, direction)}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableBehaviour({
  slug,
  behaviour,
  position,
  isFirst,
  isLast,
  onMove,
}: {
  slug: string;
  behaviour: BehaviourView;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  onMove: (direction: Direction) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: behaviour.id });
  const { run, pending } = useActionRunner();
  const style = { transform: CSS.Transform.toString(transform), transition };

  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`Reorder ${behaviour.name}`}
      className="mt-1 inline-flex size-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-slate-500 ring-1 ring-slate-200 ring-inset hover:bg-slate-100 hover:text-slate-800 active:cursor-grabbing"
    >
      <GripIcon />
    </button>
  );

  const arrow = (direction: Direction, disabled: boolean) => (
    <button
      type="button"
      className={cn(
        "inline-flex size-8 items-center justify-center text-slate-700 hover:bg-slate-50 hover:text-slate-900 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent",
        direction === "up" ? "rounded-l-md" : "rounded-r-md border-l border-slate-300",
      )}
      aria-label={`Move ${behaviour.name} ${direction}`}
      title={`Move ${direction}`}
      data-move={direction}
      data-behaviour={behaviour.id}
      disabled={disabled}
      onClick={() => onMove(direction)}
    >
      <ArrowIcon direction={direction} />
    </button>
  );

  const controls = (
    <>
      <div className="inline-flex rounded-md bg-white ring-1 ring-slate-300 ring-inset">
        {arrow("up", isFirst)}
        {arrow("down", isLast)}
      </div>
      <BehaviourFormDialog
        slug={slug}
        behaviour={behaviour}
        trigger={
          <Button variant="secondary" size="sm" aria-label={`Edit ${behaviour.name}`}>
            Edit
          </Button>
        }
      />
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm" disabled={pending} aria-label={`Archive ${behaviour.name}`}>
            Archive
          </Button>
        }
        title={`Archive ${behaviour.name}?`}
        description={`${behaviour.name} leaves the grid and the self-assessment. Past ratings are kept, and you can restore it at any time.`}
        confirmLabel="Archive behaviour"
        onConfirm={() => run(() => archiveBehaviour(slug, { behaviourId: behaviour.id }), `${behaviour.name} archived.`)}
      />
    </>
  );

  return (
    <li ref={setNodeRef} style={style} className={cn("relative", isDragging && "z-10 opacity-90 shadow-lg")}>
      <BehaviourCard behaviour={behaviour} position={position} handle={handle} controls={controls} />
    </li>
  );
}
