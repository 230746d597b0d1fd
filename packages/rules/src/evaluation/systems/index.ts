// The four evaluation systems Jingwei ships, as published data.
import type { EvaluationSystem } from "../types.ts";
import { BSCI_SYSTEM } from "./bsci.ts";
import { CLEAN_ENTERPRISE_SYSTEM } from "./clean-enterprise.ts";
import { CSC9000T_SYSTEM } from "./csc9000t.ts";
import { STAR_RATING_SYSTEM } from "./star-rating.ts";

export { BSCI_SYSTEM, CLEAN_ENTERPRISE_SYSTEM, CSC9000T_SYSTEM, STAR_RATING_SYSTEM };

export const SHIPPED_SYSTEMS: readonly EvaluationSystem[] = [
  CSC9000T_SYSTEM,
  BSCI_SYSTEM,
  STAR_RATING_SYSTEM,
  CLEAN_ENTERPRISE_SYSTEM,
];
