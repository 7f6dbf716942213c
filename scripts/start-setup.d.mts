export declare const starter: { name: string; file: string; packaged: string };
export declare const starterSource: string;
export declare const packageStarter: (dist: string) => string | null;
export declare const unpackageStarter: (dist: string) => void;
export declare const startPage: (extensionId: string, demo: boolean) => string;
