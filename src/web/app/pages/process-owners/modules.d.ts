/** Modules the build provides: the bundled bpmnlint rules (src/web/build/bpmnlint-bundle.ts) and CSS. */
declare module 'virtual:bpmnlint' {
  export const config: { rules: Record<string, unknown> };
  export const resolver: {
    resolveRule(pkg: string, name: string): unknown;
    resolveConfig(pkg: string, name: string): unknown;
  };
}

declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: object; resolver: object });
    lint(definitions: unknown): Promise<Record<string, { id?: string; message: string; category: string }[]>>;
  }
}

declare module '*.css';

declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: object);
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  }
}
