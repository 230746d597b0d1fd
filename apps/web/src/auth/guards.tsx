import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { ForbiddenResult, FullPageSpin } from "../components/Results";
import { useAuth } from "./AuthProvider";
import { type Capability, can } from "./permissions";

export function loginPath(target: string): string {
  return `/login?next=${encodeURIComponent(target)}`;
}

/** Only same-origin paths are accepted as a post-login target. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/console";
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading, signedOut } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!user)
    return <Navigate to={signedOut ? "/login" : loginPath(location.pathname + location.search)} replace />;
  return children;
}

export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { user } = useAuth();
  return can(user, capability) ? children : <ForbiddenResult />;
}
