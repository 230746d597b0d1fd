import type { MenuEntry } from "../../layout/ConsoleLayout";

/** Side-menu entries of the evaluations pages (key = the first path segment after /console). */
export const evaluationMenu: MenuEntry[] = [];
