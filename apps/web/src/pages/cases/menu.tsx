import type { MenuEntry } from "../../layout/ConsoleLayout";

/** Side-menu entries of the cases pages (key = the first path segment after /console). */
export const caseMenu: MenuEntry[] = [];
