export * from './fold.ts';
export * from './tone.ts';
export * from './slug.ts';
export * from './order.ts';
