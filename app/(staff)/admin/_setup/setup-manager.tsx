"use client";

import { Fragment, type ReactNode, useState } from "react";
import { Status } from "./fields";

/** What a setup list gives its form: the item to edit (none: a new one), and what to do when saved or cancelled. */
export interface SetupFormProps<T> {
  item?: T;
  onDone: (message: string) => void;
  /** Absent when there is nothing to go back to (the first location of an empty clinic). */
  onCancel?: () => void;
}

/**
 * The shell every setup list shares (locations, services, practitioners): a status line, "Add a …", the form for a
 * new or a chosen item, an empty state, and the table with each row's name, slug and Edit button. Each list brings
 * its own columns, cells and form.
 */
export function SetupManager<T extends { slug: string; name: string }>({
  items,
  noun,
  caption,
  columns,
  name = (item) => (
    <>
      {item.name} <span className="muted">({item.slug})</span>
    </>
  ),
  cells,
  actions,
  form,
  openWhenEmpty = false,
}: {
  items: T[];
  /** "location": the button reads "Add a location". */
  noun: string;
  /** The table's caption, for screen readers: "Locations". */
  caption: string;
  /** The column headings, the row's name first. */
  columns: readonly string[];
  /** The row header's content; by default the name and, muted, the slug. */
  name?: (item: T) => ReactNode;
  /** The row's cells after its header. */
  cells: (item: T) => ReactNode;
  /** More actions after Edit. */
  actions?: (item: T) => ReactNode;
  form: (props: SetupFormProps<T>) => ReactNode;
  /** Open the new item's form at once while there is none (and offer no cancel). */
  openWhenEmpty?: boolean;
}) {
  const empty = items.length === 0;
  const [editing, setEditing] = useState<string | "new" | null>(openWhenEmpty && empty ? "new" : null);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const current = items.find((i) => i.slug === editing);
  const onDone = (message: string) => {
    setEditing(null);
    setStatus({ ok: true, message });
  };
  const open = (slug: string) => {
    setStatus(null);
    setEditing(slug);
  };
  return (
    <>
      <Status status={status} />
      {editing === "new" ? (
        form({ onDone, onCancel: openWhenEmpty && empty ? undefined : () => setEditing(null) })
      ) : (
        <p>
          <button type="button" className="button" onClick={() => open("new")}>
            Add a {noun}
          </button>
        </p>
      )}
      {current ? (
        <Fragment key={current.slug}>{form({ item: current, onDone, onCancel: () => setEditing(null) })}</Fragment>
      ) : null}
      {empty ? (
        <p className="card setup-empty muted">No {caption.toLowerCase()} yet. Add the first one above.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.slug}>
                  <th scope="row">{name(item)}</th>
                  {cells(item)}
                  <td className={actions ? "button-row" : undefined}>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => open(item.slug)}
                    >
                      Edit<span className="visually-hidden"> {item.name}</span>
                    </button>
                    {actions?.(item)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
