export * from './types';
export * from './decimal';
export * from './policy';
export * from './attainment';
export * from './accumulation';
export * from './clause-score';
export * from './contract-score';
export * from './projection';
