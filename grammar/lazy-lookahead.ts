/**
 * Chevrotain's LL(k) lookahead (前瞻), each function computed the first time the parser reaches its
 * production instead of all of them in `performSelfAnalysis`: a start-up that parses one text
 * export meets only part of the grammar, and half of the analysis at construction was lookahead.
 * The functions are chevrotain's own, built from the same grammar, so parsing is unchanged.
 */
import { LLkLookaheadStrategy, type ILookaheadStrategy } from 'chevrotain';

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type AlternationLookahead = ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']>;
type OptionalLookahead = ReturnType<ILookaheadStrategy['buildLookaheadForOptional']>;

export class LazyLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: AlternationOptions): AlternationLookahead {
    let built: AlternationLookahead | undefined;
    const build = () => super.buildLookaheadForAlternation(options);
    return function (this: unknown, ...args: Parameters<AlternationLookahead>) {
      built ??= build();
      return built.apply(this, args);
    };
  }

  override buildLookaheadForOptional(options: OptionalOptions): OptionalLookahead {
    let built: OptionalLookahead | undefined;
    const build = () => super.buildLookaheadForOptional(options);
    return function (this: unknown) {
      built ??= build();
      return built.call(this);
    };
  }
}
