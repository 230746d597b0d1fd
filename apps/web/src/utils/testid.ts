/** Props carrying a `data-testid`, for props objects (onRow, okButtonProps…) where JSX's hyphenated-attribute escape hatch does not apply. */
export type TestIdProps = { [key: `data-${string}`]: string };

export function testId(id: string): TestIdProps {
  return { "data-testid": id };
}

/** Table `onRow` handler tagging every body row, e.g. `onRow={rowTestId("enterprise-row")}`. */
export function rowTestId(id: string): () => TestIdProps {
  return () => testId(id);
}
