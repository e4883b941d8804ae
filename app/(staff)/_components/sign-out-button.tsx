"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

/** Signs out, then goes to /login on this origin (next-auth's own redirect would use NEXTAUTH_URL, which may be unset). */
export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={async () => {
        await signOut({ redirect: false });
        router.replace("/login");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
