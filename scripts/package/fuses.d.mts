export type FuseStateName = 'enabled' | 'disabled' | 'removed' | 'inherit' | `unknown(${number})`;
export declare const relanceFuses: Readonly<Record<string, boolean>>;
export declare function fuseConfig(target: { platform: string; arch: string | undefined }): Record<string, unknown>;
export declare function electronBinaryPath(options: {
  appOutDir: string;
  platform: string;
  productFilename: string;
  executableName: string;
}): string;
export declare function readFuses(binary: string): Promise<Record<string, FuseStateName>>;
export declare function applyFuses(
  binary: string,
  target: { platform: string; arch: string | undefined },
): Promise<Record<string, FuseStateName>>;
