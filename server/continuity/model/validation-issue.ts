/** A cross-field problem, with the path of the field a form should highlight. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}
