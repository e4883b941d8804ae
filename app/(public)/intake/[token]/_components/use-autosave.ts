"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveIntakeDraftAction, submitIntakeAction, type ActionResult } from "../actions";
import { answersForSave, type FormValues } from "./answer-values";

export type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "failed"; message: string };

const DEBOUNCE_MS = 1200;

/**
 * Saves the draft a moment after the patient stops typing, and at once on demand (every Next).
 * Saves and the final submit run one after another, so a late autosave can never land after
 * the form was sent and open a new version.
 */
export function useAutosave(token: string, initial: FormValues, enabled: boolean) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const lastSent = useRef(JSON.stringify(answersForSave(initial)));
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<FormValues | null>(null);

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const saveNow = useCallback(
    (values: FormValues) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
      const answers = answersForSave(values);
      const body = JSON.stringify(answers);
      if (body === lastSent.current) return Promise.resolve();
      lastSent.current = body;
      setState({ kind: "saving" });
      return enqueue(async () => {
        const result = await saveIntakeDraftAction(token, answers).catch(() => null);
        if (result?.ok) setState({ kind: "saved", at: result.data.savedAt });
        else {
          lastSent.current = ""; // try again with the next change
          setState({
            kind: "failed",
            message:
              result && !result.ok
                ? result.message
                : "We couldn't save just now. Check your connection; we'll try again.",
          });
        }
      });
    },
    [enqueue, token],
  );

  const schedule = useCallback(
    (values: FormValues) => {
      if (!enabled) return;
      pending.current = values;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(values), DEBOUNCE_MS);
    },
    [enabled, saveNow],
  );

  const submit = useCallback(
    (values: FormValues) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
      return enqueue(() =>
        submitIntakeAction(token, answersForSave(values)).catch((): ActionResult<never> => ({
          ok: false,
          code: "network",
          message: "We couldn't send your answers. Check your connection and try again.",
        })),
      );
    },
    [enqueue, token],
  );

  // Leaving the page (or the tab going to the background on a phone) flushes a waiting save.
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === "hidden" && pending.current) void saveNow(pending.current);
    };
    document.addEventListener("visibilitychange", flush);
    return () => document.removeEventListener("visibilitychange", flush);
  }, [saveNow]);

  return {
    state,
    schedule,
    saveNow,
    submit,
    markSent: (values: FormValues) => (lastSent.current = JSON.stringify(answersForSave(values))),
  };
}
