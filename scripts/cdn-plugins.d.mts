// Types for vite.config.ts, which imports scripts/cdn-plugins.mjs.
import type { Plugin } from 'vite';

export declare const SRC: string;
export declare function sourceFiles(dir?: string): string[];
export declare function buildOptions(env?: string): { minifyTemplates: boolean; cssVars: boolean; mangle: boolean };
export declare function cdnPlugins(options?: { minifyTemplates: boolean; cssVars: boolean; mangle: boolean }): Plugin[];
export declare function sourceRewrites(options?: { mangle: boolean; cssVars: boolean }): Promise<{
  editsFor: (path: string, source: string) => [number, number, string][];
  names: string[];
  cssVars: Map<string, string> | undefined;
}>;
