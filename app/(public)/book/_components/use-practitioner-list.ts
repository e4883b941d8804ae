"use client";
import { useEffect, useState } from "react";
import { ApiError } from "@/lib/http/api-fetch";
import { fetchPractitioners } from "../../_components/public-api";
import type { PractitionerList } from "./step-practitioner";

/**
 * The practitioners of one discipline at one location, with when each is next free for the service, loaded when all
 * are known; `retry` loads them again.
 */
export function usePractitionerList(location: string | null, discipline: string | null, service: string | null) {
  const [attempt, setAttempt] = useState(0);
  const [team, setTeam] = useState<{ key: string; list: PractitionerList } | null>(null);
  const key = location && discipline && service ? `${location}|${discipline}|${service}|${attempt}` : null;
  useEffect(() => {
    if (!key || !location || !discipline || !service) return;
    const controller = new AbortController();
    fetchPractitioners(location, discipline, controller.signal, service)
      .then((r) => setTeam({ key, list: { status: "ready", practitioners: r.practitioners } }))
      .catch((e: unknown) => {
        if ((e as Error).name === "AbortError") return;
        setTeam({
          key,
          list: { status: "error", message: e instanceof ApiError ? e.message : "We couldn't load the practitioners." },
        });
      });
    return () => controller.abort();
  }, [key, location, discipline, service]);
  const list: PractitionerList = team && team.key === key ? team.list : { status: "loading" };
  const nameOf = (slug: string | undefined | null) =>
    (slug && list.status === "ready" ? list.practitioners.find((p) => p.slug === slug)?.name : undefined) ?? null;
  return { list, nameOf, retry: () => setAttempt((n) => n + 1) };
}
