"use client";

import { useActionState } from "react";
import type { MySession } from "@/lib/staff/list-my-sessions";
import { endAllSessionsAction, endSessionAction, type AccountResult } from "../actions";

const when = (iso: string) =>
  new Intl.DateTimeFormat("en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Sydney" }).format(
    new Date(iso),
  );

function EndSessionButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState<AccountResult | null, FormData>(
    endSessionAction.bind(null, id),
    null,
  );
  return (
    <form action={action}>
      <button type="submit" className="button button--ghost button--small" disabled={pending}>
        Sign out this session
      </button>
      {state && !state.ok ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function SessionList({ sessions }: { sessions: MySession[] }) {
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Your signed-in sessions</caption>
          <thead>
            <tr>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">Address</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{when(s.createdAt)}</td>
                <td>{when(s.lastSeenAt)}</td>
                <td>{s.address ?? "unknown"}</td>
                <td>{s.current ? <strong>This session</strong> : <EndSessionButton id={s.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form action={endAllSessionsAction}>
        <button type="submit" className="button button--danger">
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}
