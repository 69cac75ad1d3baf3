/**
 * Types for the two untyped npm packages used by validate-structured-data.ts.
 * Neither ships declarations, and under `strict` TypeScript refuses an untyped import (TS7016).
 * Only the parts we call are declared, shaped after their source (validator 1.7.x, extractor 2.2.x).
 */

declare module '@adobe/structured-data-validator' {
  /** One step of the path the validator walked to reach an issue. */
  export interface ValidationPathStep {
    /** The node's `@type` (a string, or the array when the node has several). */
    type?: string | string[];
    /** Index among the root items of that type, or within an array property. */
    index?: number;
    length?: number;
    /** The property that led to this node. */
    property?: string;
  }

  export interface ValidationIssue {
    issueMessage: string;
    severity: 'ERROR' | 'WARNING';
    /** Root items are grouped by type; `path[0]` is `{ type: rootType, index }`. Absent on extractor errors. */
    path?: ValidationPathStep[];
    fieldNames?: string[];
    /** `'schemaOrg'` for issues from the vocabulary check (unknown type, property outside its domain). */
    errorType?: string;
    rootType: string;
    dataFormat: string;
    location?: string;
    source?: string;
  }

  /** A schema.org vocabulary in JSON-LD, as `schemaorg-all-https.jsonld` is. */
  export interface SchemaOrgVocabulary {
    '@graph': object[];
  }

  /** The validator's input: what `@marbec/web-auto-extractor` returns (only these fields are read). */
  export interface ExtractedData {
    jsonld?: Record<string, object[]>;
    microdata?: Record<string, object[]>;
    rdfa?: Record<string, object[]>;
    errors?: { message: string; format: string; source?: string }[];
  }

  /**
   * The package's default export. (Its README shows `import { Validator }`, but `src/index.js`
   * has only a default export.)
   */
  export default class Validator {
    constructor(schemaOrgJson?: SchemaOrgVocabulary);
    debug: boolean;
    /** Note: deletes `@location` from the root items it is given. */
    validate(data: ExtractedData): Promise<ValidationIssue[]>;
  }
}

declare module '@marbec/web-auto-extractor' {
  export interface WebAutoExtractorOptions {
    addLocation?: boolean;
    embedSource?: boolean | string[];
    skipEmptyHeadings?: boolean;
    skipLayoutElements?: boolean;
  }

  export interface WebAutoExtractorError {
    message: string;
    /** 'jsonld', 'microdata', 'rdfa', 'metatags' or 'headings'. */
    format: string;
    source?: string;
  }

  export interface WebAutoExtractorResult {
    /** JSON-LD root items grouped by `@type`; the nodes of a `@graph` each become a root item. */
    jsonld: Record<string, object[]>;
    microdata: Record<string, object[]>;
    rdfa: Record<string, object[]>;
    metatags: Record<string, unknown>;
    headings: unknown;
    errors: WebAutoExtractorError[];
  }

  export default class WebAutoExtractor {
    constructor(options?: WebAutoExtractorOptions);
    parse(html: string): WebAutoExtractorResult;
  }
}
