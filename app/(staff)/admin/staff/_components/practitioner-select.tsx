import type { PractitionerChoice } from "@/lib/setup/list-practitioner-choices";

/** The options of a "which practitioner is this account" select; those linked to another account are disabled. */
export function PractitionerOptions({ choices, forUser }: { choices: PractitionerChoice[]; forUser?: string }) {
  return (
    <>
      <option value="">Choose a practitioner</option>
      {choices.map((p) => {
        const taken = p.linkedTo !== null && p.linkedTo !== forUser;
        return (
          <option key={p.slug} value={p.slug} disabled={taken}>
            {p.name}
            {taken ? " (has an account)" : p.active ? "" : " (inactive)"}
          </option>
        );
      })}
    </>
  );
}
