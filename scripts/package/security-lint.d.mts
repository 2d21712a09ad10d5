export interface SecurityFinding {
  check: string;
  file: string;
  line: number;
  sample: string;
}
export declare function securityLint(options?: { input?: string }): Promise<{
  findings: SecurityFinding[];
  unjustified: SecurityFinding[];
  stale: { check: string; file: string }[];
  unreadable: { file: string; message: string }[];
  checks: number;
}>;
