/**
 * Which calls are live right now. Quitting asks first while any is, so an
 * operator never drops a client by closing the window. The call controller
 * registers calls here as it creates and ends them.
 */
export class LiveCallRegistry {
  private readonly live = new Set<string>();

  add(callId: string): void {
    this.live.add(callId);
  }

  remove(callId: string): void {
    this.live.delete(callId);
  }

  count(): number {
    return this.live.size;
  }
}
