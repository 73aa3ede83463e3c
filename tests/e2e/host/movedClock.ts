/**
 * Moves main's clock forward, as if the OS clock had been set ahead: every
 * `new Date()` and `Date.now()` in main's process reads later from now on.
 * Timers are untouched (they run on the monotonic clock, as Electron's do).
 * Self-contained: it is also sent as source to Electron's main process.
 */
export function moveMainClock(ms: number): void {
  const g = globalThis as unknown as {
    Date: DateConstructor;
    __pultClockOffset?: number;
    __pultRealDate?: DateConstructor;
  };
  if (g.__pultRealDate === undefined) {
    const Real = g.Date;
    g.__pultRealDate = Real;
    g.__pultClockOffset = 0;
    const Shifted = function (this: unknown, ...args: unknown[]) {
      if (!new.target) return new Real(Real.now() + (g.__pultClockOffset ?? 0)).toString();
      return args.length === 0
        ? new Real(Real.now() + (g.__pultClockOffset ?? 0))
        : new (Real as unknown as new (...a: unknown[]) => Date)(...args);
    } as unknown as DateConstructor;
    Object.setPrototypeOf(Shifted, Real);
    (Shifted as { prototype: Date }).prototype = Real.prototype;
    Shifted.now = () => Real.now() + (g.__pultClockOffset ?? 0);
    g.Date = Shifted;
  }
  g.__pultClockOffset = (g.__pultClockOffset ?? 0) + ms;
}
