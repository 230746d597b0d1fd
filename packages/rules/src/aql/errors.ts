/** Invalid input to the AQL rules; `field` names the offending input (e.g. "lotSize", "defectsFound.major"). */
export class AqlInputError extends Error {
  override readonly name = "AqlInputError";
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
