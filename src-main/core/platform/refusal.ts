/**
 * What a domain refuses on purpose (a draft that is gone, a status the order
 * cannot take), with the code the window says it by. Each domain names its
 * own problems; the IPC layer turns any of them into a refusal of that code.
 */
export class Refusal<P extends string = string> extends Error {
  constructor(readonly problem: P) {
    super(problem);
    this.name = new.target.name;
  }
}
