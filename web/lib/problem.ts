/** An RFC 9457 problem document, as this app answers its own refusals on /api/ (the gateway's have the same shape). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

/** The media type of a problem document. */
export const PROBLEM_TYPE = 'application/problem+json';

/** A problem document: the status, a title and a sentence for the user. */
export function problemDocument(status: number, title: string, detail: string): Problem {
  return { type: 'about:blank', title, status, detail };
}

/** A problem answer (application/problem+json). */
export function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify(problemDocument(status, title, detail)), {
    status, headers: { 'Content-Type': PROBLEM_TYPE },
  });
}
