import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, setCsrfToken, setUnauthorizedHandler } from "../api/client";
import type { AuthSession, User } from "../api/types";

interface AuthValue {
  /** null while loading or when signed out */
  user: User | null;
  loading: boolean;
  /** the user signed out on purpose (vs. the session ending): the guard then drops the return target */
  signedOut: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const [signedOut, setSignedOut] = useState(false);

  const signOutLocally = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
  }, []);

  useEffect(() => {
    let active = true;
    setUnauthorizedHandler(signOutLocally);
    api<AuthSession>("/api/auth/me")
      .then(
        (session) => {
          if (!active) return;
          setCsrfToken(session.csrfToken);
          setUser(session.user);
        },
        () => active && signOutLocally(),
      )
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
      setUnauthorizedHandler(null);
    };
  }, [signOutLocally]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api<AuthSession>("/api/auth/login", {
      method: "POST",
      body: { username, password },
    });
    setCsrfToken(session.csrfToken);
    setSignedOut(false);
    setUser(session.user);
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>("/api/auth/logout", { method: "POST" });
    } finally {
      setSignedOut(true);
      signOutLocally();
    }
  }, [signOutLocally]);

  const value = useMemo(
    () => ({ user, loading, signedOut, login, logout }),
    [user, loading, signedOut, login, logout],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}
