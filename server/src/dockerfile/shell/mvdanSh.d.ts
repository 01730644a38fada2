// The part of mvdan-sh (mvdan/sh's syntax package compiled to JavaScript with GopherJS) that the
// shell reader uses. Go struct fields are JavaScript properties; Go methods are functions.
declare module 'mvdan-sh' {
  interface Pos {
    /** Byte offset (UTF-8) into the parsed text. */
    Offset(): number;
  }
  interface Node {
    Pos(): Pos;
    End(): Pos;
  }
  interface Lit extends Node {
    readonly Value: string;
  }
  interface SglQuoted extends Node {
    readonly Value: string;
    /** `$'…'` (ANSI-C quoting). */
    readonly Dollar: boolean;
  }
  interface DblQuoted extends Node {
    readonly Parts: readonly Node[];
    readonly Dollar: boolean;
  }
  interface Word extends Node {
    readonly Parts: readonly Node[];
    /** The word's text when it is a single unquoted literal, else "". */
    Lit(): string;
  }
  interface Assign extends Node {
    readonly Name: Lit | null;
    readonly Value: Word | null;
  }
  interface Redirect extends Node {
    readonly Op: number;
    readonly N: Lit | null;
    readonly Word: Word | null;
    readonly Hdoc: Word | null;
  }
  interface Stmt extends Node {
    readonly Cmd: Node | null;
    readonly Redirs: readonly Redirect[];
    readonly Negated: boolean;
  }
  interface CallExpr extends Node {
    readonly Assigns: readonly Assign[];
    readonly Args: readonly Word[];
  }
  interface BinaryCmd extends Node {
    readonly Op: number;
    readonly OpPos: Pos;
    readonly X: Stmt;
    readonly Y: Stmt;
  }
  interface File extends Node {
    readonly Stmts: readonly Stmt[];
  }
  interface ParseError {
    readonly Text: string;
    readonly Pos: Pos;
    readonly Incomplete: boolean;
    Error(): string;
  }
  interface Parser {
    /** Throws a ParseError. */
    Parse(text: string, name: string): File;
  }
  type ParserOption = { readonly __parserOption: unique symbol };
  type LangVariant = { readonly __langVariant: unique symbol };
  export const syntax: {
    NewParser(...options: ParserOption[]): Parser;
    KeepComments(keep: boolean): ParserOption;
    Variant(language: LangVariant): ParserOption;
    readonly LangBash: LangVariant;
    readonly LangPOSIX: LangVariant;
    NodeType(node: Node): string;
    /** Visits `node` and its children, depth first; `visit` returns false to skip a node's children. */
    Walk(node: Node, visit: (node: Node | null) => boolean): void;
  };
}
