// Wildcard patterns (`*`, `?`) as token lists, and one matcher for them. A token list rather
// than a string keeps text that came from a policy variable or an escape (`${*}`) literal.

export type GlobToken =
  | { readonly t: 'lit'; readonly s: string }
  /** `cross`: may the wildcard match a `:`? (Not inside the first five ARN segments.) */
  | { readonly t: 'star'; readonly cross: boolean }
  | { readonly t: 'one'; readonly cross: boolean };

/** A piece of pattern text; `literal` pieces (variable values, escapes) never hold wildcards. */
export interface PatternChunk {
  readonly text: string;
  readonly literal: boolean;
}

export type GlobMode = 'plain' | 'arn';

const COLON = 58;

/**
 * Turns chunks into tokens. In `arn` mode a wildcard inside the first five colon-separated
 * segments stays in its segment, except a `*` that ends its segment, which AWS documents as
 * able to "expand to match beyond the colon boundaries".
 */
export function tokenize(chunks: readonly PatternChunk[], mode: GlobMode): GlobToken[] {
  const full = chunks.map((c) => c.text).join('');
  const tokens: GlobToken[] = [];
  let lit = '';
  let pos = 0;
  let colons = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.text.length; i++, pos++) {
      const ch = chunk.text[i]!;
      const wild = !chunk.literal && (ch === '*' || ch === '?');
      if (!wild) {
        lit += ch;
        if (ch === ':') colons++;
        continue;
      }
      if (lit !== '') tokens.push({ t: 'lit', s: lit });
      lit = '';
      const inResourcePart = mode === 'plain' || colons >= 5;
      if (ch === '*') {
        const endsSegment = pos + 1 >= full.length || full.charCodeAt(pos + 1) === COLON;
        const prev = tokens[tokens.length - 1];
        const cross = inResourcePart || endsSegment;
        // Adjacent stars are one star; keep the wider one.
        if (prev?.t === 'star') tokens[tokens.length - 1] = { t: 'star', cross: prev.cross || cross };
        else tokens.push({ t: 'star', cross });
      } else {
        tokens.push({ t: 'one', cross: inResourcePart });
      }
    }
  }
  if (lit !== '') tokens.push({ t: 'lit', s: lit });
  return tokens;
}

/** Tokens for a pattern written in a policy (no variables). */
export function tokenizePattern(pattern: string, mode: GlobMode): GlobToken[] {
  return tokenize([{ text: pattern, literal: false }], mode);
}

/** Does `s` match the whole token list? */
export function matchGlob(tokens: readonly GlobToken[], s: string): boolean {
  if (allCrossing(tokens)) return matchPieces(splitPieces(tokens), s);
  return matchFrom(tokens, 0, s, 0, new Set<number>());
}

export function allCrossing(tokens: readonly GlobToken[]): boolean {
  return tokens.every((t) => t.t === 'lit' || t.cross);
}

/** The fixed-width runs between stars, each with its width; computed once per pattern. */
export interface Piece {
  readonly tokens: readonly GlobToken[];
  readonly width: number;
  /** The piece's text when it has no `?` (then indexOf can find it). */
  readonly text: string | undefined;
}

export function splitPieces(tokens: readonly GlobToken[]): Piece[] {
  const runs: GlobToken[][] = [[]];
  for (const t of tokens) {
    if (t.t === 'star') runs.push([]);
    else runs[runs.length - 1]!.push(t);
  }
  return runs.map((run) => ({
    tokens: run,
    width: pieceWidth(run),
    text: run.every((t) => t.t === 'lit') ? run.map((t) => (t.t === 'lit' ? t.s : '')).join('') : undefined,
  }));
}

/**
 * When every wildcard may match anything, the stars split the pattern into fixed-width pieces
 * and leftmost-first placement of each piece is correct: no backtracking.
 */
export function matchPieces(pieces: readonly Piece[], s: string): boolean {
  const first = pieces[0]!;
  if (pieces.length === 1) return first.width === s.length && pieceAt(first.tokens, s, 0);
  const last = pieces[pieces.length - 1]!;
  const lastAt = s.length - last.width;
  if (lastAt < first.width || !pieceAt(first.tokens, s, 0) || !pieceAt(last.tokens, s, lastAt)) return false;
  let si = first.width;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    let k: number;
    if (piece.text !== undefined) k = s.indexOf(piece.text, si);
    else for (k = si; k + piece.width <= lastAt && !pieceAt(piece.tokens, s, k); k++);
    if (k < 0 || k + piece.width > lastAt) return false;
    si = k + piece.width;
  }
  return true;
}

function pieceWidth(piece: readonly GlobToken[]): number {
  let w = 0;
  for (const t of piece) w += t.t === 'lit' ? t.s.length : 1;
  return w;
}

function pieceAt(piece: readonly GlobToken[], s: string, at: number): boolean {
  for (const t of piece) {
    if (t.t === 'lit') {
      if (!s.startsWith(t.s, at)) return false;
      at += t.s.length;
    } else {
      if (at >= s.length) return false;
      at++;
    }
  }
  return true;
}

/** General case (ARN segments): backtracking at stars, with a memo of failed positions. */
function matchFrom(tokens: readonly GlobToken[], ti: number, s: string, si: number, failed: Set<number>): boolean {
  while (ti < tokens.length) {
    const tok = tokens[ti]!;
    if (tok.t === 'lit') {
      if (!s.startsWith(tok.s, si)) return false;
      si += tok.s.length;
    } else if (tok.t === 'one') {
      if (si >= s.length || (!tok.cross && s.charCodeAt(si) === COLON)) return false;
      si++;
    } else {
      const memo = ti * (s.length + 1) + si;
      if (failed.has(memo)) return false;
      if (matchStar(tokens, ti, tok.cross, s, si, failed)) return true;
      failed.add(memo);
      return false;
    }
    ti++;
  }
  return si === s.length;
}

function matchStar(
  tokens: readonly GlobToken[],
  ti: number,
  cross: boolean,
  s: string,
  si: number,
  failed: Set<number>,
): boolean {
  const colon = cross ? -1 : s.indexOf(':', si);
  const limit = colon < 0 ? s.length : colon; // a non-crossing star ends before the next colon
  if (ti === tokens.length - 1) return limit === s.length;
  for (let k = si; k <= limit; k++) {
    if (matchFrom(tokens, ti + 1, s, k, failed)) return true;
  }
  return false;
}

export function hasWildcard(tokens: readonly GlobToken[]): boolean {
  return tokens.some((t) => t.t !== 'lit');
}
