/** Whether a pattern an author or IT wrote (a script's input, a catalogue's field) compiles as a Unicode regular expression. */
export function isPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
