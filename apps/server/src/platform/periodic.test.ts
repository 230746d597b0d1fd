import assert from "node:assert/strict";
import { it, mock } from "node:test";
import { startPeriodic } from "./periodic.ts";

const settle = () => new Promise((resolve) => setImmediate(resolve));

it("runs first after the delay, then every period, never two runs at once, and stops", async () => {
  mock.timers.enable({ apis: ["setTimeout", "setInterval"] });
  try {
    let started = 0;
    let release: (() => void) | undefined;
    const results: number[] = [];
    const stop = startPeriodic(
      () =>
        new Promise<number>((resolve) => {
          started += 1;
          release = () => resolve(started);
        }),
      {
        firstAfterMs: 100,
        everyMs: 1000,
        onResult: (n) => results.push(n),
        onError: (err) => assert.fail(String(err)),
      },
    );
    mock.timers.tick(99);
    assert.equal(started, 0);
    mock.timers.tick(1);
    assert.equal(started, 1);
    mock.timers.tick(1000); // the first run is still going: no second one
    assert.equal(started, 1);
    release?.();
    await settle();
    assert.deepEqual(results, [1]);
    mock.timers.tick(1000);
    assert.equal(started, 2);
    release?.();
    await settle();
    stop();
    mock.timers.tick(5000);
    assert.equal(started, 2);
  } finally {
    mock.timers.reset();
  }
});

it("reports a failed run and runs again at the next period", async () => {
  mock.timers.enable({ apis: ["setTimeout", "setInterval"] });
  try {
    const errors: unknown[] = [];
    let runs = 0;
    const stop = startPeriodic(
      async () => {
        runs += 1;
        throw new Error("database unreachable");
      },
      { firstAfterMs: 10, everyMs: 100, onError: (err) => errors.push(err) },
    );
    mock.timers.tick(10);
    await settle();
    mock.timers.tick(100);
    await settle();
    stop();
    assert.equal(runs, 2);
    assert.equal(errors.length, 2);
  } finally {
    mock.timers.reset();
  }
});
