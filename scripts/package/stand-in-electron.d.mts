export declare const FUSE_SENTINEL: string;
export declare const ELECTRON_DEFAULT_WIRE: string;
export declare function standInBinary(wire?: string): Buffer;
export declare function createStandInElectron(
  dir: string,
  options?: { version?: string; wire?: string },
): Promise<string>;
