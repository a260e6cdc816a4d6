// Pads an operation to a minimum duration, so answers that differ in work (unknown user, wrong
// password, success) take the same time from the outside (LOGIN_STALL_TIME and friends).
export async function stall(startedMs: number, stallMs: number): Promise<void> {
  const wait = stallMs - (Date.now() - startedMs);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
