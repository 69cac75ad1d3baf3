/** Layer 1: the Adobe validator's findings, filtered and worded for our reports. */
import type Validator from '@adobe/structured-data-validator';
import type { ValidationIssue, ValidationPathStep } from '@adobe/structured-data-validator';
import WebAutoExtractor, { type WebAutoExtractorResult } from '@marbec/web-auto-extractor';
import { isObject, nodeLabel } from './json.ts';

const stepTypes = (step: ValidationPathStep | undefined): string[] =>
  step?.type === undefined ? [] : Array.isArray(step.type) ? step.type : [step.type];

/**
 * What we report: every error; the vocabulary check's warnings (an unknown property on a type is a
 * real mistake even though the validator calls it a warning); and every warning about a
 * BreadcrumbList or ListItem, whose Google rules the validator files as warnings but Search Console
 * treats as errors. Left out: Google's "recommended field missing" advice on other types.
 */
function isReported(issue: ValidationIssue): boolean {
  if (issue.severity === 'ERROR' || issue.errorType === 'schemaOrg') return true;
  return stepTypes(issue.path?.at(-1)).some((type) => type === 'BreadcrumbList' || type === 'ListItem');
}

function issueMessage(issue: ValidationIssue, extracted: WebAutoExtractorResult): string {
  const [root, ...steps] = issue.path ?? [];
  const rootNode =
    typeof root?.type === 'string' && root.index !== undefined
      ? extracted.jsonld[root.type]?.[root.index]
      : undefined;
  const where = [
    isObject(rootNode) ? nodeLabel(rootNode, issue.rootType) : issue.rootType,
    ...steps.map((step) => `${step.property ?? ''}${step.length !== undefined ? `[${step.index}]` : ''}`),
  ].join(' › ');
  return `${where}: ${issue.issueMessage} (structured-data-validator)`;
}

export async function schemaOrgIssues(jsonText: string, validator: Validator): Promise<string[]> {
  // The extractor gets a document holding only the block we extracted, so both layers judge the
  // same text (its own tokenizer matches the type attribute exactly, ours leniently), and it does
  // not spend time on the page's microdata, RDFa, meta tags and headings, which we do not check.
  const extracted = new WebAutoExtractor().parse(`<script type="application/ld+json">${jsonText}</script>`);
  const issues = await validator.validate({
    jsonld: extracted.jsonld,
    errors: extracted.errors.filter((error) => error.format === 'jsonld'),
  });
  return issues.filter(isReported).map((issue) => issueMessage(issue, extracted));
}
