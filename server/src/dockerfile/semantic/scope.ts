// The variables visible at a point of a stage, and cheap snapshots of them. Every RUN keeps the
// values it runs with (its file effects are read from the script later, on demand): copying the
// whole scope per RUN made a 10,000-line file with hundreds of ENVs cost tens of megabytes and
// tens of milliseconds. Instead each scope logs its assignments; a snapshot is the scope and its
// clock, and a value at a snapshot is found by binary search in that name's log.
import type { VariableState } from '../syntax/shellLexer';
import type { VariableDefinition } from './types';
import { listOf } from '../syntax/lists';

export interface Binding {
  readonly state: VariableState;
  readonly definition: VariableDefinition | undefined;
}

const UNSET: VariableState = { kind: 'unset' };

/** One name's assignments in a scope, flat: [clock, value, clock, value, …] (value undefined: not a known value). */
type History = (number | string | undefined)[];

function valueOf(binding: Binding): string | undefined {
  return binding.state.kind === 'set' ? binding.state.value : undefined;
}

/** How many scopes a lookup may walk through before `clone` copies instead (see there). */
const MAX_CHAIN = 8;

/** Variables visible at a point, plus what an undefined name means there. */
export class Scope {
  /** `lookup` bound once, for the lexer. */
  readonly lookup: (name: string) => VariableState;
  private readonly unknown: VariableState;
  private readonly current: Map<string, Binding>;
  private history: Map<string, History> | undefined;
  private clock = 0;

  constructor(
    bindings: Map<string, Binding>,
    /** Set when the base image may define variables we cannot see. */
    readonly unknownReason: string | undefined,
    /** Bindings shared by many scopes (the automatic ARGs), under the scope's own. */
    private readonly shared?: ReadonlyMap<string, Binding>,
    /** The finished scope this one started from (`clone`), under its own bindings. */
    private readonly parent?: Scope,
    /** How many parents there are below. */
    private readonly depth = 0,
  ) {
    this.current = bindings;
    // A stage built FROM another shares its parent's state for unknown names (one object per stage otherwise).
    this.unknown = parent && parent.unknownReason === unknownReason ? parent.unknown : unknownReason ? { kind: 'unknown', reason: unknownReason } : UNSET;
    this.lookup = (name) => this.get(name)?.state ?? this.unknown;
  }

  get(name: string): Binding | undefined {
    const own = this.current.get(name);
    if (own !== undefined) return own;
    return this.parent ? this.parent.get(name) : this.shared?.get(name);
  }

  has(name: string): boolean {
    if (this.current.has(name)) return true;
    return this.parent ? this.parent.has(name) : (this.shared?.has(name) ?? false);
  }

  set(name: string, binding: Binding): void {
    if (this.history) {
      this.clock++;
      const entry = this.history.get(name);
      if (entry) entry.push(this.clock, valueOf(binding));
      else {
        // The first assignment since marks began: what the name held before starts its log.
        const before = this.get(name);
        this.history.set(name, listOf<number | string | undefined>(0, before ? valueOf(before) : undefined, this.clock, valueOf(binding)));
      }
    }
    this.current.set(name, binding);
  }

  /**
   * A scope that starts with this one's variables, for a stage built FROM this one's. This scope
   * is finished by then (its stage is read), so the new one looks names up in it instead of
   * copying hundreds of variables per stage; past MAX_CHAIN stages built one from another, the
   * variables are copied once, so that a lookup walks a few maps at most.
   */
  clone(): Scope {
    if (this.depth < MAX_CHAIN) return new Scope(new Map(), this.unknownReason, this.shared, this, this.depth + 1);
    const copy = new Map<string, Binding>();
    this.copyInto(copy);
    return new Scope(copy, this.unknownReason, this.shared);
  }

  /** Every binding visible here (the automatic ARGs aside), the nearest scope's last. */
  private copyInto(into: Map<string, Binding>): void {
    this.parent?.copyInto(into);
    // forEach, not new Map(map): the constructor goes through the iterator, one [key, value] array per entry.
    this.current.forEach((binding, name) => into.set(name, binding));
  }

  /** A point in this scope's history, to ask `valueAt` later; assignments after it do not count. */
  mark(): number {
    // Logs start with the first mark; names assigned before it keep their binding unlogged.
    this.history ??= new Map();
    return this.clock;
  }

  /** The known value of `name` at a mark (undefined when unset or not known). */
  valueAt(name: string, mark: number): string | undefined {
    const entry = this.history?.get(name);
    if (!entry) {
      // Never assigned since marks began: its binding now is the one it had then.
      const binding = this.get(name);
      return binding ? valueOf(binding) : undefined;
    }
    // The last assignment at or before the mark.
    let high = (entry.length >> 1) - 1;
    if ((entry[high * 2] as number) <= mark) return entry[high * 2 + 1] as string | undefined;
    if ((entry[0] as number) > mark) return undefined;
    let low = 0;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((entry[mid * 2] as number) <= mark) low = mid;
      else high = mid - 1;
    }
    return entry[low * 2 + 1] as string | undefined;
  }
}
