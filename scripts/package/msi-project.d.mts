export declare function addProvisioning(xml: string): string;
export default function msiProjectCreated(projectFile: string): Promise<void>;
