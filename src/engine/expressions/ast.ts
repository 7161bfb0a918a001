/** The parsed form of an expression: a composite of literal text and `${…}` trees. */

export type BinaryOperator =
  | '+' | '-' | '*' | '/' | '%'
  | '==' | '!=' | '<' | '>' | '<=' | '>='
  | '&&' | '||'; // prettier-ignore

export type Node =
  | { type: 'literal'; value: string | number | boolean | null; float: boolean }
  | { type: 'identifier'; name: string; position: number }
  | {
      type: 'property';
      base: Node;
      /** `a.b` carries the name; `a[expr]` carries the node. */
      key: string | Node;
      /** Source text of the base, for messages (`Cannot resolve property 'b' in 'a'`). */
      baseText: string;
      /** The property as written, for messages: `b`, or `[k]` for a computed key (never its value). */
      keyLabel: string;
      position: number;
    }
  | { type: 'unary'; operator: '-' | '!' | 'empty'; operand: Node }
  | { type: 'binary'; operator: BinaryOperator; left: Node; right: Node }
  | { type: 'choice'; test: Node; then: Node; otherwise: Node };

/** A whole text: literal strings and expression trees in order. */
export interface Composite {
  parts: (string | Node)[];
  /** `#{…}` (deferred) rather than `${…}`; JUEL forbids mixing the two in one text. */
  deferred: boolean;
}
