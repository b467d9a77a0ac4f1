export declare function addonAbi(file: string): number | 'napi' | null;
export declare function electronAbi(projectDir: string): number;
export declare function addonFits(file: string, abi: number): boolean;
