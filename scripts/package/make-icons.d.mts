export declare function encodePng(size: number, rgba: Buffer): Buffer;
export declare function renderIcon(size: number): Buffer;
export declare function encodeIco(images: { size: number; png: Buffer }[]): Buffer;
export declare function encodeIcns(entries: { type: string; png: Buffer }[]): Buffer;
export declare const linuxSizes: number[];
export declare const icoSizes: number[];
export declare const icnsTypes: [string, number][];
export declare function writeIcons(buildDir: string): Promise<void>;
